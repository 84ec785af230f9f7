import net from 'node:net';

/** Held by the one daemon of a home; the kernel releases it when that process dies, however it dies. */
export interface DaemonLock {
  release(): void;
}

/** The Linux abstract-namespace socket name that is the lock of `home`. */
export function lockName(home: string): string {
  return `\0pmdaemon-lock-${fnv1a64(home)}`;
}

/** Takes the home's lock, or resolves undefined when another process holds it. */
export function acquireDaemonLock(home: string): Promise<DaemonLock | undefined> {
  return new Promise((resolve, reject) => {
    // Nobody talks to the lock: a connection to it is closed at once.
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(undefined);
      else reject(error);
    });
    server.listen({ path: lockName(home) }, () => {
      server.unref();
      resolve({ release: () => void server.close() });
    });
  });
}

/** FNV-1a, 64 bits: a short stable name per home without loading node:crypto (~2.5 MB of RSS). */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
