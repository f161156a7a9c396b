// Paged iteration of contact.department.children (fetch_child) from a department, through the SDK's iterator.
import { createClient, drain, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const pages = await drain(await client.contact.department.childrenWithIterator({
    path: { department_id: input.departmentId ?? '0' },
    params: {
      fetch_child: input.fetchChild ?? true,
      page_size: input.pageSize,
      department_id_type: 'open_department_id',
      user_id_type: 'open_id',
    },
  }));
  const departments = pages.flatMap((p) => p?.items ?? []).map((d) => ({
    open_department_id: d.open_department_id,
    department_id: d.department_id,
    parent_department_id: d.parent_department_id,
    name: d.name,
    member_count: d.member_count,
  }));
  return { pages: pages.length, pageSizes: pages.map((p) => p?.items?.length ?? 0), departments };
});
