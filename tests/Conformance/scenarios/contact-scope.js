// A scoped app: what it sees, and how the SDK surfaces reads outside its contact scope (40004 for a
// department, 41050 for a user in the reference).
import { capture, createClient, drain, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const summarize = (c) => ({ ok: c.ok, status: c.status, code: c.code, msg: c.msg });

  const scopePages = await drain(await client.contact.scope.listWithIterator({ params: { page_size: 100 } }));
  const scope = {
    department_ids: scopePages.flatMap((p) => p?.department_ids ?? []),
    user_ids: scopePages.flatMap((p) => p?.user_ids ?? []),
  };

  const visibleDepartments = [];
  const visibleUsers = [];
  for (const top of scope.department_ids) {
    const tree = await drain(await client.contact.department.childrenWithIterator({
      path: { department_id: top },
      params: { fetch_child: true, page_size: 50 },
    }));
    const ids = [top, ...tree.flatMap((p) => p?.items ?? []).map((d) => d.open_department_id)];
    visibleDepartments.push(...ids);
    for (const departmentId of ids) {
      const userPages = await drain(await client.contact.user.findByDepartmentWithIterator({
        params: { department_id: departmentId, page_size: 50 },
      }));
      visibleUsers.push(...userPages.flatMap((p) => p?.items ?? []).map((u) => u.open_id));
    }
  }

  const outside = input.outsideDepartmentId;
  return {
    scope,
    visibleDepartments,
    visibleUsers: [...new Set(visibleUsers)],
    rootChildren: summarize(await capture(() => client.contact.department.children({ path: { department_id: '0' }, params: { page_size: 50 } }))),
    outsideChildren: summarize(await capture(() => client.contact.department.children({ path: { department_id: outside }, params: { page_size: 50 } }))),
    outsideDepartment: summarize(await capture(() => client.contact.department.get({ path: { department_id: outside } }))),
    outsideFindByDepartment: summarize(await capture(() => client.contact.user.findByDepartment({ params: { department_id: outside, page_size: 50 } }))),
    loneUser: summarize(await capture(() => client.contact.user.get({ path: { user_id: input.loneUserId }, params: { user_id_type: 'open_id' } }))),
    outsideUser: summarize(await capture(() => client.contact.user.get({ path: { user_id: input.outsideUserId }, params: { user_id_type: 'open_id' } }))),
  };
});
