// Events the emulator pushes after a write: a webhook served by the SDK's own adapter (adaptDefault +
// EventDispatcher with the encrypt key), the body decrypted with lark.AESCipher, and the signature
// checked two ways: over the raw body as the reference specifies, and over JSON.stringify(parsed body)
// as the Node SDK does.
//
// Exchange: input line ({encryptKey, verificationToken, waitMs}) -> {"stage":"listening","url":…} -> the
// test starts an emulator whose event subscription is that url (and may change the app's contact scope)
// and answers {"stage":"go", baseUrl, app, departmentId, user, department, expectScopeEvent} -> the SDK writes (create a user, rename it, create a department, delete the user)
// -> the result once every expected event arrived or the wait timed out.
import crypto from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { capture, createClient, emit, lark, logger, nextMessage, run } from '../lib/harness.js';

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');

const EVENT_TYPES = [
  'contact.user.created_v3',
  'contact.user.updated_v3',
  'contact.user.deleted_v3',
  'contact.department.created_v3',
  'contact.department.updated_v3',
  'contact.department.deleted_v3',
  'contact.scope.updated_v3',
];

run(async (input) => {
  const { encryptKey } = input;
  const path = input.path ?? '/webhook/event';
  const dispatched = [];
  const dispatcher = new lark.EventDispatcher({
    encryptKey,
    verificationToken: input.verificationToken,
    logger,
    loggerLevel: lark.LoggerLevel.warn,
  });
  dispatcher.register(Object.fromEntries(EVENT_TYPES.map((type) => [type, async (data) => {
    dispatched.push({
      event_type: data.event_type,
      event_id: data.event_id,
      token: data.token,
      app_id: data.app_id,
      tenant_key: data.tenant_key,
      create_time: data.create_time,
      object: data.object ?? null,
      old_object: data.old_object ?? null,
      added: data.added ?? null,
      removed: data.removed ?? null,
    });
    return 'ok';
  }])));
  const sdkHandler = lark.adaptDefault(path, dispatcher, { autoChallenge: true });

  const deliveries = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = req.headers['x-lark-request-timestamp'];
      const nonce = req.headers['x-lark-request-nonce'];
      const signature = req.headers['x-lark-signature'];
      const delivery = { url: req.url, method: req.method, contentType: req.headers['content-type'] ?? null, timestamp: ts ?? null, nonce: nonce ?? null, signature: signature ?? null, rawBody: raw };
      try {
        const body = JSON.parse(raw);
        delivery.bodyKeys = Object.keys(body);
        delivery.signatureOverRawBody = signature === sha256(`${ts}${nonce}${encryptKey}${raw}`);
        delivery.signatureAsSdkComputes = signature === sha256(`${ts}${nonce}${encryptKey}${JSON.stringify(body)}`);
        delivery.decrypted = typeof body.encrypt === 'string' ? JSON.parse(new lark.AESCipher(encryptKey).decrypt(body.encrypt)) : null;
      } catch (e) {
        delivery.parseError = String(e?.message ?? e);
      }
      deliveries.push(delivery);
      // The SDK's adapter reads the request itself; hand it the same bytes.
      const replay = Readable.from([Buffer.from(raw, 'utf8')]);
      replay.url = req.url;
      replay.headers = req.headers;
      await sdkHandler(replay, res);
      if (!res.writableEnded) {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  await emit({ stage: 'listening', url: `http://127.0.0.1:${server.address().port}${path}` });
  const go = await nextMessage();

  const client = createClient(go);
  const created = await capture(() => client.contact.user.create({
    params: { user_id_type: 'open_id', department_id_type: 'open_department_id' },
    data: {
      name: go.user.name,
      mobile: go.user.mobile,
      email: go.user.email,
      department_ids: [go.departmentId],
      employee_type: 1,
    },
  }));
  const openId = created.data?.user?.open_id ?? null;
  const renamed = openId
    ? await capture(() => client.contact.user.patch({
      path: { user_id: openId },
      params: { user_id_type: 'open_id' },
      data: { name: go.user.newName },
    }))
    : null;
  const department = await capture(() => client.contact.department.create({
    params: { department_id_type: 'open_department_id' },
    data: { name: go.department.name, parent_department_id: go.departmentId },
  }));
  const departmentId = department.data?.department?.open_department_id ?? null;
  const deleted = openId
    ? await capture(() => client.contact.user.delete({ path: { user_id: openId }, params: { user_id_type: 'open_id' } }))
    : null;

  const expected = () => dispatched.some((e) => e.event_type === 'contact.user.created_v3' && e.object?.open_id === openId)
    && dispatched.some((e) => e.event_type === 'contact.user.updated_v3' && e.object?.open_id === openId)
    && dispatched.some((e) => e.event_type === 'contact.department.created_v3' && e.object?.open_department_id === departmentId)
    && dispatched.some((e) => e.event_type === 'contact.user.deleted_v3' && e.object?.open_id === openId)
    && (!go.expectScopeEvent || dispatched.some((e) => e.event_type === 'contact.scope.updated_v3'));
  const deadline = Date.now() + input.waitMs;
  while (!expected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // Deliveries that arrive with the last expected one (duplicates, stragglers) are part of the answer.
  await new Promise((r) => setTimeout(r, 200));
  server.close();

  const summarize = (c) => c && { ok: c.ok, status: c.status, code: c.code, msg: c.msg };
  return {
    writes: { created: summarize(created), renamed: summarize(renamed), department: summarize(department), deleted: summarize(deleted) },
    openId,
    departmentId,
    timedOut: !expected(),
    deliveries,
    dispatched,
  };
});
