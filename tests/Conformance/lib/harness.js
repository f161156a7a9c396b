// Shared plumbing for the conformance scenarios.
//
// Protocol with the C# tests: the first line on stdin is the scenario's input (JSON). A scenario may
// print intermediate JSON lines (`{"stage": …}`) and read further stdin lines for a two-way exchange;
// its last stdout line is the result. Everything the SDK logs goes to stderr, and every error the SDK
// logs is also collected in `sdkErrors`, because the SDK's `*WithIterator` helpers swallow failed
// pages (they log and stop) and a test must be able to tell "no more pages" from "a page failed".
import readline from 'node:readline';
import lark from '@larksuiteoapi/node-sdk';

export { lark };

const lines = readline.createInterface({ input: process.stdin, terminal: false });
const pending = [];
const waiters = [];
lines.on('line', (line) => {
  if (line.trim() === '') return;
  const waiter = waiters.shift();
  if (waiter) waiter.resolve(line);
  else pending.push(line);
});
lines.on('close', () => {
  for (const waiter of waiters.splice(0)) waiter.reject(new Error('stdin closed before the next message'));
});

/** Reads the next non-empty stdin line as JSON. */
export function nextMessage() {
  const line = pending.shift();
  if (line !== undefined) return Promise.resolve(JSON.parse(line));
  return new Promise((resolve, reject) => waiters.push({ resolve, reject })).then((l) => JSON.parse(l));
}

/** Prints one JSON line on stdout; resolves once it is handed to the OS (stdout may be asynchronous). */
export function emit(value) {
  return new Promise((resolve) => process.stdout.write(`${JSON.stringify(value)}\n`, resolve));
}

const sdkErrors = [];

// Keeps what a test needs (url, status, body) and drops request configs, which can carry the app secret.
function describeLogged(value) {
  if (Array.isArray(value)) return value.map(describeLogged);
  if (value instanceof Error) return describeError(value);
  if (value && typeof value === 'object') {
    if ('config' in value || 'response' in value || 'request' in value) {
      return {
        message: value.message,
        url: value.config?.url,
        status: value.response?.status,
        body: value.response?.data,
      };
    }
    return value;
  }
  return value;
}

function log(level, msg) {
  const text = msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(describeLogged(m)))).join(' ');
  process.stderr.write(`[${level}] ${text}\n`);
}

/** A logger for the SDK that writes to stderr and records errors. */
export const logger = {
  error: (...msg) => {
    sdkErrors.push(describeLogged(msg.length === 1 ? msg[0] : msg));
    log('error', msg);
  },
  warn: (...msg) => log('warn', msg),
  info: (...msg) => log('info', msg),
  debug: (...msg) => log('debug', msg),
  trace: (...msg) => log('trace', msg),
};

/** The SDK appends `/open-apis/…` to the domain, so a trailing slash would make `//open-apis`. */
export function domainOf(baseUrl) {
  return baseUrl.replace(/\/+$/, '');
}

/** A real SDK client for a self-built app, pointed at the emulator. */
export function createClient(input, app = input.app, extra = {}) {
  return new lark.Client({
    appId: app.appId,
    appSecret: app.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: domainOf(input.baseUrl),
    logger,
    loggerLevel: lark.LoggerLevel.warn,
    // Each script runs in its own process; a private cache keeps two clients of one app apart too.
    cache: new lark.DefaultCache(),
    ...extra,
  });
}

/** What a failed SDK call surfaced: the HTTP status and the Open Platform envelope (code, msg). */
export function describeError(e) {
  const body = e?.response?.data;
  return {
    message: String(e?.message ?? e),
    status: e?.response?.status ?? null,
    code: body && typeof body === 'object' ? body.code ?? null : null,
    msg: body && typeof body === 'object' ? body.msg ?? null : null,
    body: body ?? null,
  };
}

/**
 * Runs one SDK call and reports it uniformly: `{ok, status, code, msg, data}`. `ok` means the SDK
 * returned (HTTP 2xx); `code` is the envelope's code either way.
 */
export async function capture(call) {
  try {
    const res = await call();
    return { ok: true, status: null, code: res?.code ?? null, msg: res?.msg ?? null, data: res?.data ?? null, raw: res };
  } catch (e) {
    return { ok: false, ...describeError(e), data: null };
  }
}

/** Drains one of the SDK's `*WithIterator` async iterables into a list of pages. */
export async function drain(iterable) {
  const pages = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

/** Runs a scenario: reads the input, prints the result (plus the SDK's logged errors), exits. */
export async function run(scenario) {
  let exitCode = 0;
  try {
    const input = await nextMessage();
    const result = await scenario(input);
    await emit({ ok: true, ...result, sdkErrors });
  } catch (e) {
    await emit({ ok: false, error: describeError(e), stack: e?.stack ?? null, sdkErrors });
    exitCode = 1;
  } finally {
    lines.close();
  }
  // Open sockets (keep-alive, a webhook server) must not keep the process alive after the result,
  // which the awaited write above has already handed over in full.
  process.exit(exitCode);
}
