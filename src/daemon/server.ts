import fs from 'node:fs';
import net from 'node:net';

/** The daemon's listening socket and the clients connected to it. */
export interface SocketServer {
  /** Stops accepting connections and removes the socket file; connected clients stay. */
  stopListening(): void;
  /** Ends every client connection, their queued answers flushed first; resolves when all are closed. */
  closeConnections(): Promise<void>;
}

/**
 * Listens on `socketPath` with mode 0600 (design §2). The caller holds the home's lock, so a
 * file already there is a dead daemon's socket and is removed.
 */
export async function listenOnSocket(
  socketPath: string,
  onConnection: (socket: net.Socket) => void,
  onError: (error: Error) => void,
): Promise<SocketServer> {
  fs.rmSync(socketPath, { force: true });
  const sockets = new Set<net.Socket>();
  // allowHalfOpen: a client may send its request and end its side, and still get the answer.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  // The umask makes the socket 0600 from its first instant; the chmod states it.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ path: socketPath }, () => {
        server.off('error', reject);
        // Accept failures (EMFILE) land here; they must not take the daemon down.
        server.on('error', onError);
        resolve();
      });
    });
  } finally {
    process.umask(umask);
  }
  fs.chmodSync(socketPath, 0o600);
  return {
    stopListening() {
      server.close();
      fs.rmSync(socketPath, { force: true });
    },
    closeConnections() {
      const closed = [...sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
      for (const socket of sockets) socket.end(() => socket.destroy());
      // A client that reads nothing never lets its queue flush.
      const timer = setTimeout(() => sockets.forEach((socket) => socket.destroy()), 1000);
      return Promise.all(closed).then(() => clearTimeout(timer));
    },
  };
}
