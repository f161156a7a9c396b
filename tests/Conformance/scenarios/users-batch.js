// contact.user.batch: several users in one call, by the id type the input names.
import { capture, createClient, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const res = await capture(() => client.contact.user.batch({
    params: { user_ids: input.userIds, user_id_type: input.userIdType ?? 'open_id', department_id_type: 'open_department_id' },
  }));
  return { status: res.status, code: res.code, msg: res.msg, items: res.data?.items ?? null };
});
