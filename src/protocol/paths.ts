import path from 'node:path';

/** Where a home's daemon listens and logs. */
export interface DaemonPaths {
  socket: string;
  log: string;
}

// sun_path holds 108 bytes including the terminating NUL.
const MAX_SOCKET_PATH_BYTES = 107;

/** The daemon's socket and log file in `home`; throws when the socket path cannot fit a Unix socket. */
export function daemonPaths(home: string): DaemonPaths {
  const socket = path.join(home, 'daemon.sock');
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH_BYTES) {
    throw new HomePathError(
      `the socket path ${socket} is longer than the ${MAX_SOCKET_PATH_BYTES} bytes a Unix socket allows; set PMDAEMON_HOME to a shorter directory`,
    );
  }
  return { socket, log: path.join(home, 'daemon.log') };
}

/** $PMDAEMON_HOME cannot hold the daemon's socket. */
export class HomePathError extends Error {
  override readonly name = 'HomePathError';
}
