import { formatUptime } from './duration.js';

/** What `ping` prints: the round trip and who answered; also printed by the bin's fast path. */
export function pongLine(rttMs: number, server: { pid: number; version: string; startedAt: number }): string {
  return `pong: ${rttMs.toFixed(2)} ms round trip; daemon pid ${server.pid}, version ${server.version}, up ${formatUptime(Date.now() - server.startedAt)}\n`;
}
