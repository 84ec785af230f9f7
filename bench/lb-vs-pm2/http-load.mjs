// A bounded HTTP load on 127.0.0.1: N connections, each one request after another (ported from
// test/helpers/http-load.ts). Optionally resends a GET that died on a reused keep-alive
// connection before any response byte, as RFC 9112 §9.3.1 allows and browsers, curl and Go do.
import http from 'node:http';

// Node reports both a reset and a close-without-response as ECONNRESET: keep them apart.
const errorKey = (e) => (e.message === 'socket hang up' ? 'socket hang up' : (e.code ?? e.message));

function once(url, agent, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}`, reused: false });
      });
      res.on('error', (e) => resolve({ ok: false, status: res.statusCode, error: errorKey(e), reused: false }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (e) => resolve({ ok: false, error: errorKey(e), reused: req.reusedSocket }));
  });
}

/**
 * Starts `connections` keep-alive request loops against `url`; `stop()` ends them, waits for the
 * requests in flight and resolves { requests, failures, errors, retries, durationMs }.
 */
export function startLoad(url, { connections, retryOnReusedSocket, maxDurationMs, requestTimeoutMs = 5000 }) {
  const started = performance.now();
  const r = { requests: 0, failures: 0, errors: {}, retries: 0, durationMs: 0 };
  let stopped = false;
  const timer = setTimeout(() => (stopped = true), maxDurationMs);
  const agents = [];

  async function loop() {
    // One agent with one socket per loop: a loop is one client connection.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    while (!stopped) {
      let out = await once(url, agent, requestTimeoutMs);
      if (!out.ok && out.reused && out.status === undefined && retryOnReusedSocket) {
        r.retries++;
        out = await once(url, agent, requestTimeoutMs);
      }
      r.requests++;
      if (!out.ok) {
        r.failures++;
        r.errors[out.error] = (r.errors[out.error] ?? 0) + 1;
      }
    }
  }

  const done = Promise.all(Array.from({ length: connections }, loop)).then(() => {
    clearTimeout(timer);
    for (const agent of agents) agent.destroy();
    return { ...r, errors: { ...r.errors }, durationMs: performance.now() - started };
  });
  return {
    requests: () => r.requests,
    stop() {
      stopped = true;
      return done;
    },
  };
}
