import http from 'node:http';

export interface LoadOptions {
  /** Concurrent connections, each sending one request after another. */
  connections: number;
  keepAlive: boolean;
  /** Stop after this many requests in total. */
  maxRequests?: number;
  /** Stop by itself after this long, whatever happens. */
  maxDurationMs: number;
  /** Per-request deadline; a request past it counts as a failure `timeout` (default 10 s). */
  requestTimeoutMs?: number;
  /**
   * Resend a GET once when it failed on a reused keep-alive socket before any response byte, as
   * browsers and Go's http.Transport do (the server may close an idle connection as we reuse it).
   */
  retryOnReusedSocket?: boolean;
}

export interface LoadResult {
  requests: number;
  failures: number;
  /** Failures by error code, message or `HTTP <status>`. */
  errors: Record<string, number>;
  /** Response body of successful requests → count, to see which instances served. */
  byBody: Record<string, number>;
  status: Record<number, number>;
  /** Requests resent under `retryOnReusedSocket` (each counted once in `requests`). */
  retries: number;
  durationMs: number;
}

/** A running bounded load; `stop` ends it early and waits for requests in flight. */
export interface LoadHandle {
  /** Counts so far (a copy). */
  current(): LoadResult;
  /** Resolves when the load has ended by itself (duration or request budget). */
  done: Promise<LoadResult>;
  stop(): Promise<LoadResult>;
}

type Outcome = { ok: true; status: number; body: string } | { ok: false; status?: number; error: string; reused: boolean };

// Node reports both a reset and a close-without-response as ECONNRESET: keep them apart.
const errorKey = (e: NodeJS.ErrnoException): string => (e.message === 'socket hang up' ? 'socket hang up' : (e.code ?? e.message));

function once(url: string, agent: http.Agent | false, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString();
        resolve(status >= 200 && status < 300 ? { ok: true, status, body } : { ok: false, status, error: `HTTP ${status}`, reused: false });
      });
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, status: res.statusCode, error: errorKey(e), reused: false }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, error: errorKey(e), reused: req.reusedSocket }));
  });
}

const bump = <K extends string | number>(m: Record<K, number>, k: K): void => {
  m[k] = (m[k] ?? 0) + 1;
};

/** Starts `connections` sequential request loops against `url` (127.0.0.1), bounded by time and count. */
export function startLoad(url: string, opts: LoadOptions): LoadHandle {
  const started = performance.now();
  const r: LoadResult = { requests: 0, failures: 0, errors: {}, byBody: {}, status: {}, retries: 0, durationMs: 0 };
  let stopped = false;
  let issued = 0;
  const timer = setTimeout(() => (stopped = true), opts.maxDurationMs);
  const agents: http.Agent[] = [];
  const budgetLeft = (): boolean => !stopped && (opts.maxRequests === undefined || issued < opts.maxRequests);

  async function loop(): Promise<void> {
    // One agent with one socket per loop: a loop is one client connection (when keep-alive).
    const agent = opts.keepAlive ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : false;
    if (agent) agents.push(agent);
    while (budgetLeft()) {
      issued++;
      let out = await once(url, agent, opts.requestTimeoutMs ?? 10_000);
      if (!out.ok && out.reused && out.status === undefined && opts.retryOnReusedSocket) {
        r.retries++;
        out = await once(url, agent, opts.requestTimeoutMs ?? 10_000);
      }
      r.requests++;
      if (out.status !== undefined) bump(r.status, out.status);
      if (out.ok) bump(r.byBody, out.body);
      else {
        r.failures++;
        bump(r.errors, out.error);
      }
    }
  }

  const snapshot = (): LoadResult => ({
    ...r,
    errors: { ...r.errors },
    byBody: { ...r.byBody },
    status: { ...r.status },
    durationMs: performance.now() - started,
  });
  const done = Promise.all(Array.from({ length: opts.connections }, loop)).then(() => {
    clearTimeout(timer);
    for (const agent of agents) agent.destroy();
    return snapshot();
  });
  return {
    current: snapshot,
    done,
    stop() {
      stopped = true;
      return done;
    },
  };
}
