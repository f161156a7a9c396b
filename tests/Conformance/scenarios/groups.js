// User groups of one type (contact.group.simplelist, iterated; input.type 1 normal, 2 dynamic, absent = the API's
// default) and each group's user and department members (contact.groupMember.simplelist, which has no iterator in the
// SDK, paged by hand with page_token like the SDK's own iterators do). Department members are asked for by
// input.departmentIdType: open_id (the docs: the open_department_id, the default) or department_id.
import { capture, createClient, drain, run } from '../lib/harness.js';

async function members(client, groupId, memberType, memberIdType, pageSize) {
  const ids = [];
  const failures = [];
  let pageToken;
  let pages = 0;
  for (;;) {
    const res = await capture(() => client.contact.groupMember.simplelist({
      path: { group_id: groupId },
      params: { member_type: memberType, member_id_type: memberIdType, page_size: pageSize, page_token: pageToken },
    }));
    pages++;
    if (!res.ok || res.code !== 0) {
      failures.push({ status: res.status, code: res.code, msg: res.msg });
      break;
    }
    for (const m of res.data?.memberlist ?? []) ids.push({ member_id: m.member_id, member_type: m.member_type, member_id_type: m.member_id_type });
    if (!res.data?.has_more) break;
    pageToken = res.data.page_token;
  }
  return { pages, ids, failures };
}

run(async (input) => {
  const client = createClient(input);
  const pages = await drain(await client.contact.group.simplelistWithIterator({
    params: { page_size: input.pageSize, ...(input.type == null ? {} : { type: input.type }) },
  }));
  const groups = [];
  for (const g of pages.flatMap((p) => p?.grouplist ?? [])) {
    groups.push({
      id: g.id,
      name: g.name,
      type: g.type,
      member_user_count: g.member_user_count,
      member_department_count: g.member_department_count,
      users: await members(client, g.id, 'user', 'open_id', input.memberPageSize),
      departments: await members(client, g.id, 'department', input.departmentIdType ?? 'open_id', input.memberPageSize),
    });
  }
  return { pages: pages.length, groups };
});
