// The reference's encryption and signature vectors through the SDK's own AESCipher and EventDispatcher:
// proves the reference and the SDK agree before the emulator is judged by either.
import crypto from 'node:crypto';
import { lark, logger, run } from '../lib/harness.js';

run(async (input) => {
  const decrypts = input.decrypts.map((v) => {
    try {
      return { plaintext: new lark.AESCipher(v.key).decrypt(v.encrypt) };
    } catch (e) {
      return { error: String(e?.message ?? e) };
    }
  });

  // What the dispatcher does with a signed, encrypted delivery: it verifies the signature, decrypts,
  // flattens a schema 2.0 envelope and calls the handler named by header.event_type.
  const s = input.signed;
  const body = JSON.parse(s.body);
  const data = Object.assign(Object.create({
    headers: { 'x-lark-request-timestamp': s.timestamp, 'x-lark-request-nonce': s.nonce, 'x-lark-signature': s.signature },
  }), body);
  const seen = [];
  const dispatcher = new lark.EventDispatcher({ encryptKey: s.key, logger, loggerLevel: lark.LoggerLevel.warn })
    .register({ [s.eventType]: async (event) => { seen.push(event); return 'handled'; } });
  const invoked = await dispatcher.invoke(data);
  const tampered = await dispatcher.invoke(Object.assign(Object.create({
    headers: { 'x-lark-request-timestamp': s.timestamp, 'x-lark-request-nonce': `${s.nonce}x`, 'x-lark-signature': s.signature },
  }), body));

  return {
    decrypts,
    signatureAsSdkComputes: crypto.createHash('sha256').update(`${s.timestamp}${s.nonce}${s.key}${JSON.stringify(body)}`).digest('hex'),
    invoked: invoked ?? null,
    tamperedInvoked: tampered ?? null,
    event: seen[0] ? { event_type: seen[0].event_type, event_id: seen[0].event_id, token: seen[0].token, object: seen[0].object ?? null } : null,
  };
});
