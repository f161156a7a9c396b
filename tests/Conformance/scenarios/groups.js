// User groups (contact.group.simplelist, iterated) and each group's members (contact.groupMember.simplelist,
// which has no iterator in the SDK, paged by hand with page_token like the SDK's own iterators do).
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
    params: { page_size: input.pageSize, type: input.type ?? 1 },
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
      departments: await members(client, g.id, 'department', 'open_department_id', input.memberPageSize),
    });
  }
  return { pages: pages.length, groups };
});
