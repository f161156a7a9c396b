// Paged iteration of contact.user.findByDepartment over every department an app can see, in the
// reference's full-sync order: children of the start department (fetch_child), then the direct
// members of the start department and of each department found.
import { createClient, drain, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const start = input.departmentId ?? '0';
  const tree = await drain(await client.contact.department.childrenWithIterator({
    path: { department_id: start },
    params: { fetch_child: true, page_size: 50, department_id_type: 'open_department_id' },
  }));
  const departmentIds = [start, ...tree.flatMap((p) => p?.items ?? []).map((d) => d.open_department_id)];

  let pages = 0;
  const members = {};
  for (const departmentId of departmentIds) {
    const userPages = await drain(await client.contact.user.findByDepartmentWithIterator({
      params: {
        department_id: departmentId,
        page_size: input.pageSize,
        user_id_type: 'open_id',
        department_id_type: 'open_department_id',
      },
    }));
    pages += userPages.length;
    members[departmentId] = userPages.flatMap((p) => p?.items ?? []).map((u) => u.open_id);
  }
  const distinct = new Set(Object.values(members).flat());
  return { departments: departmentIds.length, pages, distinctUsers: distinct.size, members };
});
