import { createHash } from 'node:crypto';
import net from 'node:net';

/** Held by the one daemon of a home; the kernel releases it when that process dies, however it dies. */
export interface DaemonLock {
  release(): void;
}

/** The Linux abstract-namespace socket name that is the lock of `home`. */
export function lockName(home: string): string {
  return `\0pmdaemon-lock-${createHash('sha1').update(home).digest('hex')}`;
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
