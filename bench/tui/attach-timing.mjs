// What monit waits for before its first data frame, timed with the client library: the handshake,
// the log backlog it loads (listProcesses, then logs of each app, 200 lines per instance), the snapshot.
import { performance } from 'node:perf_hooks';

/** Resolves { connectMs, listMs, backlogMs, backlogLines, snapshotMs } against the daemon of `home`. */
export async function timeAttach(home) {
  const { connect } = await import('../../dist/index.js');
  const t0 = performance.now();
  const api = await connect({ home });
  try {
    const connectMs = performance.now() - t0;
    const t1 = performance.now();
    const apps = [...new Set((await api.listProcesses()).map((row) => row.app))];
    const listMs = performance.now() - t1;
    const t2 = performance.now();
    let backlogLines = 0;
    for (const app of apps) backlogLines += (await api.logs({ app, lines: 200 })).length;
    const backlogMs = performance.now() - t2;
    const t3 = performance.now();
    const snapshotMs = await new Promise((resolve) => {
      const unsubscribe = api.subscribe(() => {
        unsubscribe();
        resolve(performance.now() - t3);
      });
    });
    return { connectMs, listMs, backlogMs, backlogLines, snapshotMs };
  } finally {
    await api.close();
  }
}
