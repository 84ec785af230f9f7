import type { AppSpec } from '../../config/spec.js';
import { formatBytes } from '../../lib/format-bytes.js';
import type { ExitReason, ExitRecord, InstanceState, LoadBalancerStatus } from '../../supervisor/types.js';
import type { Theme } from '../theme.js';
import { describeExitReason, describeExitStatus, describeHealthResult, formatAge, formatDuration, oneLine } from './format-details.js';
import type { Segment } from './segments.js';

/** `web-2  online  pid 1234  port 3002  up 3m12s  restarts 4`, then the reason when there is one. */
export function titleSegments(instance: InstanceState, theme: Theme, now: number): Segment[] {
  const out: Segment[] = [
    { text: `${instance.app}-${instance.id}`, color: theme.accent, bold: true },
    { text: '  ' },
    { text: instance.status, color: theme.status(instance.status), bold: true },
  ];
  if (instance.pid !== undefined) out.push({ text: `  pid ${instance.pid}` });
  if (instance.port !== undefined) out.push({ text: `  port ${instance.port}` });
  const running = instance.status === 'online' || instance.status === 'starting' || instance.status === 'stopping';
  if (running && instance.startedAt !== undefined) out.push({ text: `  up ${formatDuration(now - instance.startedAt)}` });
  if (instance.status === 'waiting-restart' && instance.restartAt !== undefined) {
    out.push({ text: `  restart in ${formatDuration(instance.restartAt - now)}`, color: theme.warn });
  }
  out.push({ text: `  restarts ${instance.restarts}`, color: instance.restarts > 0 ? theme.warn : undefined });
  if (instance.reason !== undefined) {
    const color = instance.status === 'errored' ? theme.error : theme.warn;
    out.push({ text: `  ${oneLine(instance.reason)}`, color });
  }
  return out;
}

/** `health  healthy  http ok in 12ms, 8s ago: HTTP 200`, or why there is no result. */
export function healthSegments(instance: InstanceState, spec: AppSpec, theme: Theme, now: number): Segment[] {
  const out: Segment[] = [
    { text: 'health  ', dim: true },
    { text: instance.health, color: theme.health(instance.health), bold: true },
  ];
  const check = spec.healthCheck;
  if (check === undefined && instance.lastHealth === undefined) {
    out.push({ text: '  no health check configured', color: theme.dim });
    return out;
  }
  const kind = check === undefined ? '' : `${check.type} `;
  const result = instance.lastHealth;
  if (result === undefined) out.push({ text: `  ${kind}check, no result yet`, color: theme.dim });
  else out.push({ text: `  ${kind}${describeHealthResult(result, now)}`, color: result.ok ? undefined : theme.error });
  if (instance.healthFailures > 0) out.push({ text: `  failures ${instance.healthFailures}`, color: theme.warn });
  return out;
}

/** The line above the CPU chart: `CPU %  now 12.3  max 45.1`. */
export function cpuLabelSegments(instance: InstanceState, theme: Theme): Segment[] {
  const peak = Math.max(0, ...instance.history.map((s) => s.cpu));
  return [
    { text: 'CPU %', color: theme.accent, bold: true },
    { text: `  now ${instance.cpu.toFixed(1)}  max ${peak.toFixed(1)}` },
  ];
}

/** The line above the memory chart: `memory  now 52.4 MiB  peak 60 MiB  limit 600 MiB`. */
export function memoryLabelSegments(instance: InstanceState, spec: AppSpec, theme: Theme): Segment[] {
  const peak = Math.max(0, ...instance.history.map((s) => s.memory));
  const out: Segment[] = [
    { text: 'memory', color: theme.accent, bold: true },
    { text: `  now ${formatBytes(instance.memory)}  peak ${formatBytes(peak)}` },
  ];
  if (spec.maxMemoryBytes !== undefined) out.push({ text: `  limit ${formatBytes(spec.maxMemoryBytes)}`, color: theme.dim });
  return out;
}

/** The header of the exits section: `last exits  (7 recorded)` or `last exits  none`. */
export function exitsHeaderSegments(exitCount: number, theme: Theme): Segment[] {
  const tail = exitCount === 0 ? '  none' : `  (${exitCount} recorded)`;
  return [
    { text: 'last exits', color: theme.accent, bold: true },
    { text: tail, color: theme.dim },
  ];
}

/** One exit: `2m05s ago  exit 1  crashed  up 4s  detail`, its reason coloured by severity. */
export function exitSegments(exit: ExitRecord, theme: Theme, now: number): Segment[] {
  const out: Segment[] = [
    { text: `${formatAge(exit.at, now).padEnd(11)} `, color: theme.dim },
    { text: `${describeExitStatus(exit).padEnd(14)} ` },
    { text: `${describeExitReason(exit.reason).padEnd(12)} `, color: reasonColor(exit.reason, theme) },
    { text: `up ${formatDuration(exit.uptimeMs)}`.padEnd(9) },
  ];
  if (exit.detail !== undefined && exit.detail !== '') out.push({ text: ` ${oneLine(exit.detail)}`, color: theme.dim });
  return out;
}

function reasonColor(reason: ExitReason, theme: Theme): string | undefined {
  switch (reason) {
    case 'crash':
    case 'spawn-failed':
      return theme.error;
    case 'memory-limit':
    case 'unhealthy':
      return theme.warn;
    case 'user':
      return theme.dim;
  }
}

/** `load balancer  nginx upstream web  4 ports  synced 3s ago`, or the last write/reload error. */
export function loadBalancerSegments(spec: AppSpec, status: LoadBalancerStatus, theme: Theme, now: number): Segment[] {
  const lb = spec.loadBalancer;
  const kind = lb ? `${lb.type} ${lb.type === 'nginx' ? 'upstream' : 'backend'} ${lb.name}` : 'load balancer file';
  const out: Segment[] = [
    { text: 'load balancer  ', dim: true },
    { text: kind, color: theme.accent },
    { text: `  ${status.ports.length} port${status.ports.length === 1 ? '' : 's'}` },
  ];
  if (status.syncedAt !== undefined) out.push({ text: `  synced ${formatAge(status.syncedAt, now)}`, color: theme.dim });
  if (status.error !== undefined) out.push({ text: `  ${oneLine(status.error)}`, color: theme.error, bold: true });
  return out;
}
