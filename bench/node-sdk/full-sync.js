// The full sync a user would write with the official Lark Node SDK, following its README: a Client for a self-built
// app, the `*WithIterator` page iterators (department tree with fetch_child, then each department's users), user
// groups and the tenant, and better-sqlite3 to keep the result — one transaction of upserts, and people no longer seen
// removed. Prints one JSON line with counts, calls and phase timings.
//
// Usage: node full-sync.js --base-url URL --app-id ID --app-secret S --db FILE [--concurrency 8] [--paging iterator|manual]
//   --paging manual   pages by hand (page_token) and waits out HTTP 429 / code 99991400 before retrying: what a user
//                     must write once rate limits bite, because the iterators log a failed page and stop early.
import lark from '@larksuiteoapi/node-sdk';
import Database from 'better-sqlite3';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const concurrency = Number(args.concurrency ?? 8);
const paging = args.paging ?? 'iterator';
const errors = [];
let rateLimitedLogged = 0;
let calls = 1; // the tenant token
// Only the message and the URL of what the SDK logs: its request configs carry the bearer token.
const describe = (x) => (typeof x === 'string' ? x : Array.isArray(x) ? x.map(describe).join(' ')
  : x?.message ? `${x.message}${x.config?.url ? ` (${x.config.url.replace(/\?.*$/, '')})` : ''}` : '[object]');
const logger = {
  error: (...m) => {
    const text = describe(m).slice(0, 300);
    // Paging by hand, a 429 is waited out and retried (the SDK still logs it): counted, not an error.
    if (paging === 'manual' && text.includes('status code 429')) rateLimitedLogged++;
    else errors.push(text);
  },
  warn: () => {}, info: () => {}, debug: () => {}, trace: () => {},
};
const client = new lark.Client({
  appId: args['app-id'], appSecret: args['app-secret'], appType: lark.AppType.SelfBuild,
  domain: args['base-url'].replace(/\/+$/, ''), logger, loggerLevel: lark.LoggerLevel.error,
});
const ids = { user_id_type: 'open_id', department_id_type: 'open_department_id' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every item of a paged list: the SDK's iterator, or by hand with waits on rate limiting. */
async function all(iteratorCall, pageCall, key = 'items') {
  const items = [];
  if (paging === 'iterator') {
    for await (const page of await iteratorCall()) { calls++; items.push(...(page?.[key] ?? [])); }
    return items;
  }
  let token;
  do {
    let res;
    for (;;) {
      calls++;
      try { res = await pageCall(token); break; } catch (e) {
        const limited = e?.response?.status === 429 || e?.response?.data?.code === 99991400;
        if (!limited) throw e;
        await sleep(1000 * Number(e.response.headers?.['x-ogw-ratelimit-reset'] ?? 1) + 50);
      }
    }
    items.push(...(res.data?.[key] ?? []));
    token = res.data?.has_more ? res.data.page_token : undefined;
  } while (token);
  return items;
}

async function pool(list, worker) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, async () => {
    while (next < list.length) { const item = list[next++]; await worker(item); }
  }));
}

const started = performance.now();
const departments = await all(
  () => client.contact.department.childrenWithIterator({ path: { department_id: '0' }, params: { ...ids, fetch_child: true, page_size: 50 } }),
  (page_token) => client.contact.department.children({ path: { department_id: '0' }, params: { ...ids, fetch_child: true, page_size: 50, page_token } }));
const users = new Map();
const memberships = [];
await pool(['0', ...departments.map((d) => d.open_department_id)], async (departmentId) => {
  const members = await all(
    () => client.contact.user.findByDepartmentWithIterator({ params: { ...ids, department_id: departmentId, page_size: 50 } }),
    (page_token) => client.contact.user.findByDepartment({ params: { ...ids, department_id: departmentId, page_size: 50, page_token } }));
  for (const u of members) {
    users.set(u.open_id, u);
    const order = (u.orders ?? []).find((o) => o.department_id === departmentId);
    memberships.push([u.open_id, departmentId, order?.user_order ?? 0, order?.is_primary_dept ? 1 : 0]);
  }
});
// Both group types (the list serves one type per call: 1 normal, 2 dynamic), and each group's user and department
// members (one member type per call), skipping a member type the listing counts as empty — the same calls as corps.
const groups = [];
for (const type of [1, 2]) {
  groups.push(...await all(
    () => client.contact.group.simplelistWithIterator({ params: { type, page_size: 100 } }),
    (page_token) => client.contact.group.simplelist({ params: { type, page_size: 100, page_token } }), 'grouplist'));
}
const groupMembers = [];
const groupDepartments = [];
const memberLists = groups.flatMap((g) => [
  ...(g.member_user_count === 0 ? [] : [[g, 'user', groupMembers]]),
  ...(g.member_department_count === 0 ? [] : [[g, 'department', groupDepartments]])]);
await pool(memberLists, async ([g, member_type, into]) => {
  let page_token;
  do {
    calls++;
    const res = await client.contact.groupMember.simplelist({ path: { group_id: g.id }, params: { member_type, member_id_type: 'open_id', page_size: 100, page_token } });
    for (const m of res.data?.memberlist ?? []) into.push([g.id, m.member_id]);
    page_token = res.data?.has_more ? res.data.page_token : undefined;
  } while (page_token);
});
calls++;
const tenant = (await client.tenant.tenant.query()).data?.tenant;
const fetched = performance.now();

const db = new Database(args.db);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE IF NOT EXISTS departments (open_department_id TEXT PRIMARY KEY, parent_department_id TEXT, name TEXT, sort TEXT, leader_user_id TEXT, raw TEXT, synced INTEGER);
  CREATE TABLE IF NOT EXISTS users (open_id TEXT PRIMARY KEY, union_id TEXT, user_id TEXT, name TEXT, en_name TEXT, email TEXT, mobile TEXT,
    job_title TEXT, employee_no TEXT, status TEXT, leader_user_id TEXT, raw TEXT, synced INTEGER);
  CREATE TABLE IF NOT EXISTS user_departments (open_id TEXT, open_department_id TEXT, user_order INTEGER, is_primary INTEGER, PRIMARY KEY (open_id, open_department_id));
  CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, name TEXT, description TEXT);
  CREATE TABLE IF NOT EXISTS group_members (group_id TEXT, open_id TEXT, PRIMARY KEY (group_id, open_id));
  CREATE TABLE IF NOT EXISTS group_departments (group_id TEXT, open_department_id TEXT, PRIMARY KEY (group_id, open_department_id));
  CREATE TABLE IF NOT EXISTS tenant (tenant_key TEXT PRIMARY KEY, name TEXT);`);
const run = Date.now();
const putDepartment = db.prepare(`INSERT INTO departments VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(open_department_id) DO UPDATE SET
  parent_department_id = excluded.parent_department_id, name = excluded.name, sort = excluded.sort, leader_user_id = excluded.leader_user_id, raw = excluded.raw, synced = excluded.synced`);
const putUser = db.prepare(`INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(open_id) DO UPDATE SET
  union_id = excluded.union_id, user_id = excluded.user_id, name = excluded.name, en_name = excluded.en_name, email = excluded.email, mobile = excluded.mobile,
  job_title = excluded.job_title, employee_no = excluded.employee_no, status = excluded.status, leader_user_id = excluded.leader_user_id, raw = excluded.raw, synced = excluded.synced`);
const putMembership = db.prepare('INSERT OR REPLACE INTO user_departments VALUES (?, ?, ?, ?)');
const putGroup = db.prepare('INSERT OR REPLACE INTO groups VALUES (?, ?, ?)');
const putGroupMember = db.prepare('INSERT OR REPLACE INTO group_members VALUES (?, ?)');
const putGroupDepartment = db.prepare('INSERT OR REPLACE INTO group_departments VALUES (?, ?)');
db.transaction(() => {
  for (const d of departments) putDepartment.run(d.open_department_id, d.parent_department_id, d.name, d.order, d.leader_user_id ?? null, JSON.stringify(d), run);
  for (const u of users.values()) {
    putUser.run(u.open_id, u.union_id, u.user_id ?? null, u.name, u.en_name ?? null, u.email ?? null, u.mobile ?? null, u.job_title ?? null,
      u.employee_no ?? null, JSON.stringify(u.status ?? {}), u.leader_user_id ?? null, JSON.stringify(u), run);
  }
  db.prepare('DELETE FROM user_departments').run();
  for (const m of memberships) putMembership.run(...m);
  db.prepare('DELETE FROM group_members').run();
  db.prepare('DELETE FROM group_departments').run();
  for (const g of groups) putGroup.run(g.id, g.name, g.description ?? null);
  for (const m of groupMembers) putGroupMember.run(...m);
  for (const d of groupDepartments) putGroupDepartment.run(...d);
  if (tenant) db.prepare('INSERT OR REPLACE INTO tenant VALUES (?, ?)').run(tenant.tenant_key, tenant.name);
  db.prepare('DELETE FROM users WHERE synced <> ?').run(run);
  db.prepare('DELETE FROM departments WHERE synced <> ?').run(run);
})();
db.close();
const stored = performance.now();
console.log(JSON.stringify({
  ok: errors.length === 0, paging, concurrency, departments: departments.length, users: users.size, memberships: memberships.length,
  groups: groups.length, sdkCalls: calls, fetchMs: Math.round(fetched - started), storeMs: Math.round(stored - fetched),
  totalMs: Math.round(stored - started), sdkErrors: errors.slice(0, 5), sdkErrorCount: errors.length, rateLimitedRetries: rateLimitedLogged,
}));
process.exit(errors.length === 0 ? 0 : 1);
