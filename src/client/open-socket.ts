import net from 'node:net';

/** Connects to a Unix socket; rejects with the system error (ENOENT, ECONNREFUSED…) when nobody listens. */
export function openSocket(socketPath: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ path: socketPath });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

// ECONNRESET: the daemon died between accepting the connection and closing its socket.
const NOBODY_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'EAGAIN', 'ECONNRESET']);

/** True when the error means "no daemon listens there (yet)", as opposed to a real failure. */
export function isNobodyListening(error: unknown): boolean {
  return NOBODY_LISTENING.has(String((error as NodeJS.ErrnoException | undefined)?.code));
}
