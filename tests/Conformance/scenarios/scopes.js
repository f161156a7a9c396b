// contact.scope.list through the SDK's iterator: the app's contact scope, every page.
import { createClient, drain, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const pages = await drain(await client.contact.scope.listWithIterator({
    params: { page_size: input.pageSize, user_id_type: 'open_id', department_id_type: 'open_department_id' },
  }));
  const all = (key) => pages.flatMap((p) => p?.[key] ?? []);
  return {
    pages: pages.length,
    department_ids: all('department_ids'),
    user_ids: all('user_ids'),
    group_ids: all('group_ids'),
  };
});
