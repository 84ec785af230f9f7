import { toAutoscaleRow } from '../../api/process-row.js';
import type { InstanceInfo } from '../../api/types.js';
import type { AppSpec } from '../../config/spec.js';
import { formatPort } from '../../config/validate-ports.js';
import { formatBytes } from '../../lib/format-bytes.js';
import type { ExitRecord, HealthResult } from '../../supervisor/types.js';
import { formatAutoscaleDetails } from './autoscale-text.js';
import { formatAgo, formatSpan, formatUptime } from './duration.js';
import { quoteWord } from './quote-word.js';

const PMDAEMON_VARS = ['PORT', 'NODE_APP_INSTANCE', 'PM2_INSTANCE_ID', 'PMDAEMON_APP'];

/** The human form of `info`: one block per instance, labels in a column. */
export function formatInstanceInfo(info: InstanceInfo, now: number): string[] {
  const { row, spec } = info;
  const head = [row.id, row.status, row.pid === null ? 'not running' : `pid ${row.pid}`];
  if (row.port !== null) head.push(`port ${row.port}`);
  if (row.pid !== null) head.push(`uptime ${formatUptime(row.uptime)}`);
  head.push(`restarts ${row.restarts}`);
  const lines = [head.join('  ')];
  const field = (label: string, values: readonly string[]): void => {
    values.forEach((v, i) => lines.push(`  ${(i === 0 ? label : '').padEnd(10)}${v}`));
  };
  if (row.reason !== null) field('reason', [row.reason]);
  field('command', [[info.command.file, ...info.command.args].map(quoteWord).join(' ')]);
  field('cwd', [spec.cwd]);
  field('app', [appLine(spec)]);
  field('restart', [restartLine(spec)]);
  field('stop', [`${spec.killSignal}, then SIGKILL after ${formatSpan(spec.killTimeoutMs)}`]);
  if (spec.maxMemoryBytes !== undefined) field('memory', [`restart over ${formatBytes(spec.maxMemoryBytes)}`]);
  if (spec.cpuAffinity !== undefined) field('cpus', [`pinned to CPU ${spec.cpuAffinity.join(',')} (instance i: list[i mod ${spec.cpuAffinity.length}])`]);
  if (spec.autoscale !== undefined) {
    const settings = row.autoscale ?? toAutoscaleRow(spec.autoscale, info.autoscale);
    field('autoscale', formatAutoscaleDetails(settings, info.autoscale, now));
  }
  if (spec.loadBalancer?.file !== undefined) {
    const lb = info.loadBalancer;
    const servers = lb ? `${lb.ports.length} server${lb.ports.length === 1 ? '' : 's'} (${lb.ports.join(', ') || 'none'})` : 'not written yet';
    const lines = [`${spec.loadBalancer.type} ${spec.loadBalancer.file}: ${servers}`];
    if (spec.loadBalancer.reloadCmd) lines.push(`reload: ${spec.loadBalancer.reloadCmd}`);
    if (lb?.error) lines.push(`last reload failed: ${lb.error}`);
    field('balancer', lines);
  }
  field('health', healthLines(spec, row.health, info.lastHealth, now));
  field('logs', [`out ${info.logs.out}`, `err ${info.logs.err}`]);
  field('env', envLines(spec, info.env));
  field('exits', info.exits.length === 0 ? ['none'] : [...info.exits].reverse().map(formatExit));
  return lines;
}

function appLine(spec: AppSpec): string {
  const written = spec.instancesSetting === spec.instances ? '' : ` (${JSON.stringify(spec.instancesSetting)})`;
  const port = spec.port.kind === 'none' ? 'no port' : `port ${formatPort(spec.port)}`;
  return `${spec.name}: ${spec.instances} instance${spec.instances === 1 ? '' : 's'}${written}, ${port}, namespace ${spec.namespace}`;
}

function restartLine(spec: AppSpec): string {
  if (!spec.autorestart) return 'autorestart off';
  const delay = spec.expBackoffRestartDelayMs > 0 ? `backoff from ${formatSpan(spec.expBackoffRestartDelayMs)}` : `delay ${formatSpan(spec.restartDelayMs)}`;
  return `autorestart, ${delay}, errored after ${spec.maxRestarts} exits in a row under ${formatSpan(spec.minUptimeMs)}`;
}

function healthLines(spec: AppSpec, status: string, last: HealthResult | null, now: number): string[] {
  const check = spec.healthCheck;
  if (!check) return ['no health check'];
  const target = check.type === 'http' ? ` ${check.url ?? ''}` : check.type === 'script' ? ` ${check.command ?? ''}` : '';
  const lines = [`${status}: ${check.type}${target} every ${formatSpan(check.intervalMs)}, timeout ${formatSpan(check.timeoutMs)}, ${check.retries} retries`];
  if (last) lines.push(`last ${last.ok ? 'ok' : 'failed'} ${formatAgo(last.at, now)} in ${last.latencyMs} ms: ${last.message}`);
  return lines;
}

function envLines(spec: AppSpec, env: Record<string, string>): string[] {
  const keys = [...Object.keys(spec.env), ...PMDAEMON_VARS, ...(spec.instanceVar ? [spec.instanceVar] : [])];
  const shown = [...new Set(keys)].filter((k) => env[k] !== undefined).map((k) => `${k}=${env[k]}`);
  return shown.length === 0 ? ['(inherited only)'] : shown;
}

/** One recorded exit: when, how, why and after how long. */
export function formatExit(exit: ExitRecord): string {
  const how = exit.signal !== null ? `signal ${exit.signal}` : exit.code !== null ? `code ${exit.code}` : 'did not start';
  const detail = exit.detail ? ` — ${exit.detail}` : '';
  return `${formatTimestamp(exit.at)}  ${how.padEnd(14)}  ${exit.reason.padEnd(12)}  after ${formatUptime(exit.uptimeMs)}${detail}`;
}

/** Local time as "2025-01-31 14:05:09". */
export function formatTimestamp(at: number): string {
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
