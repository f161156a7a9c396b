// The SDK's token cache: one client, several calls, and (after the test revokes the app's tokens) what a
// call with the cached, now revoked token gets. Exchange: input -> {"stage":"called"} -> the test revokes
// and answers {"stage":"revoked"} -> the result.
import { capture, createClient, emit, nextMessage, run } from '../lib/harness.js';

run(async (input) => {
  const client = createClient(input);
  const summarize = (c) => ({ ok: c.ok, status: c.status, code: c.code, msg: c.msg });
  const calls = [];
  for (let i = 0; i < input.calls; i++) calls.push(summarize(await capture(() => client.contact.scope.list({ params: { page_size: 1 } }))));
  await emit({ stage: 'called' });
  await nextMessage();
  const afterRevoke = summarize(await capture(() => client.contact.scope.list({ params: { page_size: 1 } })));
  return { calls, afterRevoke };
});
