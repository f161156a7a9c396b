// What the SDK makes of the emulator's rate limiting: many quick calls, each reported, plus one
// iterator over many small pages (the SDK's iterators do not back off; a throttled page ends them).
import { capture, createClient, drain, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const calls = [];
  for (let i = 0; i < input.calls; i++) {
    const c = await capture(() => client.contact.user.findByDepartment({ params: { department_id: input.departmentId, page_size: 1 } }));
    calls.push({ ok: c.ok, status: c.status, code: c.code, msg: c.msg });
  }
  const pages = await drain(await client.contact.user.findByDepartmentWithIterator({
    params: { department_id: input.departmentId, page_size: 1 },
  }));
  return { calls, iteratedUsers: pages.flatMap((p) => p?.items ?? []).length };
});
