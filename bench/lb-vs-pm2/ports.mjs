// A run of free ports on 127.0.0.1, below the ephemeral range so the load's own sockets never take them.
import net from 'node:net';

const isFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });

/** The first port of `count` consecutive free ports in 20000–32000, picked at random. */
export async function freePortRange(count) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const from = 20_000 + Math.floor(Math.random() * (12_000 - count));
    let ok = true;
    for (let port = from; port < from + count && ok; port++) ok = await isFree(port);
    if (ok) return from;
  }
  throw new Error(`no run of ${count} free ports found in 20000-32000`);
}
