import net from 'node:net';
import { describeSocketError, startProbe, timedOut, type ProbeResult } from './probe-result.js';

/** Connects to `host:port` and is ok when the connection is accepted within `timeoutMs`. Never throws. */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  const done = startProbe();
  const target = `${host}:${port}`;
  return new Promise((resolve) => {
    let socket: net.Socket | undefined;
    const finish = (ok: boolean, message: string): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      socket?.destroy();
      resolve(done(ok, message));
    };
    let timer: NodeJS.Timeout | undefined = setTimeout(() => finish(false, timedOut(timeoutMs)), timeoutMs);
    try {
      socket = net.connect({ host, port, autoSelectFamily: true });
      socket.on('connect', () => finish(true, `connected to ${target}`));
      socket.on('error', (error) => finish(false, describeSocketError(error, target)));
    } catch (error) {
      // A port outside 0-65535 throws synchronously.
      finish(false, describeSocketError(error, target));
    }
  });
}
