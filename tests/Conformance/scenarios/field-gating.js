// Field gating: which user fields an app's granted permissions let through, per read path.
import { capture, createClient, run } from '../lib/harness.js';

function fields(items) {
  const keys = new Set();
  for (const item of items ?? []) for (const key of Object.keys(item)) keys.add(key);
  return [...keys].sort();
}

run(async (input) => {
  const client = createClient(input);
  const batch = await capture(() => client.contact.user.batch({ params: { user_ids: input.userIds, user_id_type: 'open_id' } }));
  const single = await capture(() => client.contact.user.get({ path: { user_id: input.userIds[0] }, params: { user_id_type: 'open_id' } }));
  const byDepartment = await capture(() => client.contact.user.findByDepartment({
    params: { department_id: input.departmentId, page_size: 50, user_id_type: 'open_id' },
  }));
  const describe = (res, items) => ({
    status: res.status,
    code: res.code,
    count: items?.length ?? 0,
    fields: fields(items),
    withEmail: (items ?? []).filter((u) => 'email' in u).length,
  });
  return {
    batch: describe(batch, batch.data?.items),
    get: describe(single, single.data?.user ? [single.data.user] : []),
    findByDepartment: describe(byDepartment, byDepartment.data?.items),
  };
});
