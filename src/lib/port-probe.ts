import net from 'node:net';

/** The outcome of one bind attempt on one address. */
export type BindOutcome = 'free' | 'in-use' | 'address-unavailable';

/** A bind probe failed for a reason that says nothing about whether the port is taken. */
export class PortProbeError extends Error {
  override readonly name = 'PortProbeError';
  readonly port: number;

  constructor(port: number, cause: unknown) {
    super(`could not probe port ${port}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.port = port;
  }
}

// EACCES counts as taken: a port we may not bind is no use to an auto allocation either.
const IN_USE_CODES = new Set(['EADDRINUSE', 'EACCES']);
// The host has no IPv6 (disabled or not compiled in): the IPv4 wildcard is the whole machine.
const UNAVAILABLE_CODES = new Set(['EAFNOSUPPORT', 'EADDRNOTAVAIL', 'EPROTONOSUPPORT']);

/** Listens on `host:port` and closes at once, reporting whether the bind succeeded. */
export function tryBind(port: number, host: string): Promise<BindOutcome> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== undefined && IN_USE_CODES.has(error.code)) resolve('in-use');
      else if (error.code !== undefined && UNAVAILABLE_CODES.has(error.code)) resolve('address-unavailable');
      else reject(new PortProbeError(port, error));
    });
    server.listen({ port, host, ipv6Only: false, exclusive: true }, () => {
      server.close(() => resolve('free'));
    });
  });
}

/**
 * Whether nothing on the machine listens on TCP `port`, on any address, IPv4 or IPv6.
 * Binding the dual-stack wildcard collides with any listener on that port (0.0.0.0, 127.0.0.1, ::1…).
 */
export async function isPortFree(port: number): Promise<boolean> {
  const outcome = await tryBind(port, '::');
  if (outcome !== 'address-unavailable') return outcome === 'free';
  return (await tryBind(port, '0.0.0.0')) === 'free';
}
