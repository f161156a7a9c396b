// Tenant access token: the explicit auth call, tenant/v2/tenant/query with it, the SDK's own token cache, withTenantToken, bad token, bad secret.
import { capture, createClient, lark, run } from '../lib/harness.js';

run(async (input) => {
  const { appId, appSecret } = input.app;

  // The generated `auth.tenantAccessToken.internal` method fetches a token for itself first unless the
  // cache is disabled, so the explicit calls go through a client that never fetches on its own.
  const bare = createClient(input, input.app, { disableTokenCache: true });
  const first = await capture(() => bare.auth.tenantAccessToken.internal({ data: { app_id: appId, app_secret: appSecret } }));
  const second = await capture(() => bare.auth.tenantAccessToken.internal({ data: { app_id: appId, app_secret: appSecret } }));

  // The normal client fetches one token and reuses it from its cache for every later call.
  const cached = createClient(input);
  const cachedCalls = [];
  for (let i = 0; i < input.cachedCalls; i++) {
    cachedCalls.push(await capture(() => cached.contact.scope.list({ params: { page_size: 1 } })));
  }

  const token = first.raw?.tenant_access_token ?? null;
  const withToken = token
    ? await capture(() => bare.contact.scope.list({ params: { page_size: 1 } }, lark.withTenantToken(token)))
    : null;
  const withBadToken = await capture(() => bare.contact.scope.list({ params: { page_size: 1 } }, lark.withTenantToken('t-not-a-real-token')));
  const withoutToken = await capture(() => bare.contact.scope.list({ params: { page_size: 1 } }));

  const wrongSecret = createClient(input, { appId, appSecret: `${appSecret}-wrong` });
  const wrongSecretCall = await capture(() => wrongSecret.contact.scope.list({ params: { page_size: 1 } }));

  const tenant = await capture(() => cached.tenant.tenant.query());

  const summarize = (c) => c && { ok: c.ok, status: c.status, code: c.code, msg: c.msg };
  return {
    tenant: { ...summarize(tenant), tenant: tenant.data?.tenant ?? null },
    first: {
      ...summarize(first),
      tokenPrefix: token?.slice(0, 2) ?? null,
      expire: first.raw?.expire ?? null,
      keys: first.raw ? Object.keys(first.raw).sort() : [],
    },
    secondReturnedSameToken: second.raw?.tenant_access_token === token,
    cachedCalls: cachedCalls.map(summarize),
    withTenantToken: summarize(withToken),
    withBadToken: summarize(withBadToken),
    withoutToken: summarize(withoutToken),
    // On an HTTP 200 business failure the SDK throws "failed to get tenant_access_token, code: N, msg: …";
    // on a non-2xx answer it throws axios' error, which carries the body.
    wrongSecret: {
      ...summarize(wrongSecretCall),
      message: wrongSecretCall.message ?? null,
      tokenCode: wrongSecretCall.code ?? Number(/code: (\d+)/.exec(wrongSecretCall.message ?? '')?.[1] ?? NaN),
    },
  };
});
