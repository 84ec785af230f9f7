// Rollouts under load: for each client kind, `reps` rollouts of one target, each inside its own
// load window (load flowing → rollout CLI → a short tail for late failures → stop).
import { delay, waitFor } from '../vs-pm2/proc.mjs';
import { startLoad } from './test-helpers.mjs';

/** After the CLI exits, old processes may still be finishing requests: keep counting this long. */
export const TAIL_MS = 500;

/** The two clients: both keep-alive; the second resends a GET that died on a reused connection before any byte. */
export const CLIENT_KINDS = [
  { key: 'naive', label: 'keep-alive, naive', retryOnReusedSocket: false },
  { key: 'retry', label: 'keep-alive, retries', retryOnReusedSocket: true },
];

/** Runs the rollouts of `target` and returns one { kind, runs: [{ ms, requests, failures, errors, retries, nginxReloads }] } per client kind. */
export async function measureTarget(target, { reps, connections, log }) {
  const results = [];
  let pids = await target.settle();
  for (const kind of CLIENT_KINDS) {
    const runs = [];
    for (let rep = 0; rep < reps; rep++) {
      const reloadsBefore = target.nginxReloads?.();
      const load = startLoad(target.url, { connections, keepAlive: true, retryOnReusedSocket: kind.retryOnReusedSocket, maxDurationMs: 60_000, requestTimeoutMs: 5000 });
      let rollout;
      let counted;
      try {
        await waitFor(() => load.current().requests >= 100, 10_000, 'load flowing');
        rollout = await target.rollout();
        await delay(TAIL_MS);
      } finally {
        counted = await load.stop();
      }
      const run = { ms: rollout.ms, ...counted, ...(reloadsBefore === undefined ? {} : { nginxReloads: target.nginxReloads() - reloadsBefore }) };
      runs.push(run);
      const after = await target.settle();
      const kept = after.filter((pid) => pids.includes(pid));
      if (kept.length > 0) throw new Error(`${target.label}: "${target.rolloutCommand}" left pid(s) ${kept.join(', ')} running`);
      pids = after;
      log(`${target.label} · ${kind.label} · run ${rep + 1}: ${Math.round(run.ms)} ms, ${run.requests} requests, ${run.failures} failed${run.failures ? ` ${JSON.stringify(run.errors)}` : ''}, ${run.retries} retried${run.nginxReloads === undefined ? '' : `, ${run.nginxReloads} nginx reloads`}`);
    }
    results.push({ kind: kind.key, runs });
  }
  return results;
}
