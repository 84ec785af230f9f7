import type { ClientRequest } from 'node:http';
import { describeSocketError, startProbe, timedOut, type ProbeResult } from './probe-result.js';

/**
 * GETs `url` and is ok on a 2xx status within `timeoutMs`. Never throws; a redirect is reported,
 * not followed. A name such as `localhost` is tried on IPv6 and IPv4, since apps often bind only one.
 */
export async function probeHttp(url: string, timeoutMs: number): Promise<ProbeResult> {
  const done = startProbe();
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return done(false, `invalid health check URL: ${JSON.stringify(url)}`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return done(false, `unsupported scheme ${target.protocol} in health check URL ${url}`);
  }
  // Loaded on first use: node:http and node:https cost the daemon ~4 MB of RSS when no app probes over HTTP.
  const { get } = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const hostPort = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;

  return new Promise((resolve) => {
    let request: ClientRequest | undefined;
    const finish = (ok: boolean, message: string): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      request?.destroy();
      resolve(done(ok, message));
    };
    let timer: NodeJS.Timeout | undefined = setTimeout(() => finish(false, timedOut(timeoutMs)), timeoutMs);
    try {
      request = get(
        target,
        // No pooling (a probe must not leave sockets open); like Kubernetes probes, no certificate
        // check, so the daemon needs no CA store (spawnDaemon's daemonEnv relies on it). Node 20
        // tries every address of a name (autoSelectFamily) by default.
        { agent: false, rejectUnauthorized: false, headers: { 'user-agent': 'pmdaemon-health' } },
        (response) => {
          const status = response.statusCode ?? 0;
          const location = response.headers.location;
          response.destroy();
          const redirect = status >= 300 && status < 400 && location !== undefined ? ` (redirect to ${location}, not followed)` : '';
          finish(status >= 200 && status < 300, `HTTP ${status}${redirect}`);
        },
      );
      request.on('error', (error) => finish(false, describeSocketError(error, hostPort)));
    } catch (error) {
      finish(false, describeSocketError(error, hostPort));
    }
  });
}
