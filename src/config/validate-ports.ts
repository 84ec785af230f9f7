import { ConfigError } from './errors.js';
import { invalidValue } from './problems.js';
import type { AppSpec, PortSpec } from './spec.js';

const PORT_RE = /^(auto:)?(\d{1,5})(?:-(\d{1,5}))?$/i;
const PORT_RULE = 'use a port like 3000, a range like "3000-3003" or "auto:3000-3100"';
const MAX_PORT = 65_535;

/** Reads `port` as written (3000, "3000", "3000-3003", "auto:3000-3100"); absent means none. */
export function parsePort(value: unknown): PortSpec {
  if (value === undefined) return { kind: 'none' };
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = PORT_RE.exec(text);
  if (!match) throw invalidValue('port', value, PORT_RULE);
  const from = Number(match[2]);
  const to = match[3] === undefined ? from : Number(match[3]);
  if (from < 1 || to > MAX_PORT) throw invalidValue('port', value, `ports must be between 1 and ${MAX_PORT}`);
  if (from > to) throw invalidValue('port', value, `a range goes from low to high, e.g. "${match[1] ?? ''}${to}-${from}"`);
  if (match[1] !== undefined) {
    const example = `auto:${from}-${Math.min(from + 100, MAX_PORT)}`;
    if (match[3] === undefined) throw invalidValue('port', value, `"auto:" needs a range, e.g. "${example}"`);
    return { kind: 'auto', from, to };
  }
  return match[3] === undefined ? { kind: 'single', port: from } : { kind: 'range', from, to };
}

/** The port setting as a user writes it: 3000, "3000-3003", "auto:3000-3100", or "" for none. */
export function formatPort(port: PortSpec): string {
  switch (port.kind) {
    case 'none':
      return '';
    case 'single':
      return String(port.port);
    case 'range':
      return `${port.from}-${port.to}`;
    case 'auto':
      return `auto:${port.from}-${port.to}`;
  }
}

/** Throws when `instances` instances cannot each get their own port from `port`. */
export function checkPortFits(port: PortSpec, instances: number): void {
  if (port.kind === 'none' || instances <= 1) return;
  const prefix = port.kind === 'auto' ? 'auto:' : '';
  const from = port.kind === 'single' ? port.port : port.from;
  const size = port.kind === 'single' ? 1 : port.to - port.from + 1;
  if (size >= instances) return;
  const start = from + instances - 1 <= MAX_PORT ? from : MAX_PORT - instances + 1;
  const suggestion = `${prefix}${start}-${start + instances - 1}`;
  const what = port.kind === 'single' ? 'a single port fits one instance' : `that range has ${size} port${size === 1 ? '' : 's'}`;
  const written = formatPort(port);
  throw new ConfigError(
    `"port" is "${written}" but ${instances} instances need ${instances} ports and ${what}; use "${suggestion}"`,
    { field: 'port' },
  );
}

type FixedRange = { app: string; from: number; to: number; written: string };

function fixedRange(spec: AppSpec): FixedRange | undefined {
  const { port } = spec;
  if (port.kind === 'single') return { app: spec.name, from: port.port, to: port.port, written: formatPort(port) };
  if (port.kind === 'range') return { app: spec.name, from: port.from, to: port.to, written: formatPort(port) };
  // auto ranges may overlap anything: the allocator hands out distinct free ports at run time.
  return undefined;
}

function overlap(a: FixedRange, b: FixedRange): string | undefined {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  if (from > to) return undefined;
  return from === to ? `port ${from}` : `ports ${from}-${to}`;
}

/**
 * Problems where fixed ports (single or range) of two apps overlap: within `specs`, and between
 * `specs` and `against` (apps already loaded; one with the same name is taken to be replaced).
 */
export function checkPortConflicts(specs: readonly AppSpec[], against: readonly AppSpec[] = []): string[] {
  const problems: string[] = [];
  const mine = specs.map(fixedRange).filter((r): r is FixedRange => r !== undefined);
  mine.forEach((a, i) => {
    for (const b of mine.slice(i + 1)) {
      const shared = overlap(a, b);
      if (shared !== undefined && a.app !== b.app) {
        const both = `apps "${a.app}" (port "${a.written}") and "${b.app}" (port "${b.written}")`;
        problems.push(`${both} both claim ${shared}; give each app its own ports or use "auto:" ranges`);
      }
    }
    for (const b of against.map(fixedRange)) {
      const shared = b === undefined || b.app === a.app ? undefined : overlap(a, b);
      if (b !== undefined && shared !== undefined) {
        const held = `already claimed by app "${b.app}" (port "${b.written}")`;
        problems.push(`app "${a.app}" (port "${a.written}") claims ${shared}, ${held}; choose other ports or use an "auto:" range`);
      }
    }
  });
  return problems;
}
