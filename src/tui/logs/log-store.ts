import type { LogStreamName } from '../../api/types.js';
import { createRing, type Ring } from './log-ring.js';
import { sanitizeLine } from './sanitize-line.js';

/** One kept log line, already sanitised. */
export interface StoredLine {
  readonly text: string;
  readonly stream: LogStreamName;
  readonly instance: number;
  /** Arrival order across every app and instance of the store. */
  readonly arrival: number;
}

/** One instance's lines, or with no `instance` the app's merged view (every instance, by arrival). */
export interface LogSource {
  app: string;
  instance?: number;
}

/** Kept sequence numbers of a source: [first, end); `end` = lines it ever received. */
export interface LogRange {
  first: number;
  end: number;
}

/** Lines of a source from sequence number `from` on. */
export interface LogSlice {
  from: number;
  lines: readonly StoredLine[];
}

export interface LogStoreOptions {
  /** Lines kept per instance (default 5,000). */
  perInstance?: number;
  /** Lines the merged view of an app can show (default perInstance). */
  perApp?: number;
  /** Memory budget over every instance ring, in UTF-16 units of text plus LINE_OVERHEAD per line. */
  maxChars?: number;
  /** Applied to each line on arrival (default sanitizeLine). */
  sanitize?: (line: string) => string;
}

export interface LogStore {
  append(app: string, instance: number, stream: LogStreamName, lines: readonly string[]): void;
  /** Kept lines with sequence numbers in [from, from + count); `from` defaults to the last `count`. */
  lines(source: LogSource, window: { from?: number; count: number }): LogSlice;
  range(source: LogSource): LogRange;
  /** The last `count` lines of every instance of `app`, interleaved in arrival order. */
  merged(app: string, count: number): readonly StoredLine[];
  /** Instance ids of `app` that have lines, ascending. */
  instances(app: string): number[];
  /** Changes on every append and clear: a frame can skip work when it has not moved. */
  version(): number;
  clearApp(app: string): void;
  /** What is kept over every instance ring: lines, and their size as the budget counts it. */
  usage(): { lines: number; chars: number };
}

/** Budget charged per line on top of its text (the record and ring slots). */
export const LINE_OVERHEAD = 32;

interface InstanceLogs {
  ring: Ring<StoredLine>;
  chars: number;
  app: AppLogs;
}

interface AppLogs {
  instances: Map<number, InstanceLogs>;
  merged: Ring<StoredLine>;
}

/**
 * Log lines of every instance in bounded rings outside React state: one per instance, and one
 * merged ring per app over the same records. The merged ring only holds lines still kept by
 * their instance (it is a contiguous tail of the app's history), so it costs no text memory.
 * Past `maxChars`, the biggest instance ring loses its oldest lines first: a flooding instance
 * evicts its own history before a quiet one's.
 */
export function createLogStore(options: LogStoreOptions = {}): LogStore {
  const perInstance = options.perInstance ?? 5_000;
  const perApp = options.perApp ?? perInstance;
  const maxChars = options.maxChars ?? 16 * 1024 * 1024;
  const sanitize = options.sanitize ?? ((line: string) => sanitizeLine(line));
  const apps = new Map<string, AppLogs>();
  const everyInstance = new Set<InstanceLogs>();
  let total = 0;
  let arrival = 0;
  let version = 0;

  const dropped = (logs: InstanceLogs, line: StoredLine | undefined) => {
    if (line === undefined) return;
    logs.chars -= cost(line);
    total -= cost(line);
    const merged = logs.app.merged;
    while (merged.size > 0 && (merged.get(merged.first)?.arrival ?? Infinity) <= line.arrival) merged.shift();
  };
  const enforceBudget = (hot: InstanceLogs) => {
    while (total > maxChars) {
      // The ring just written to is the usual culprit: check it before scanning every ring.
      const victim = hot.chars > total / everyInstance.size ? hot : biggest(everyInstance);
      if (victim === undefined || victim.ring.size === 0) return;
      // Evict in chunks so that scanning every ring stays rare when all are the same size.
      for (let k = Math.ceil(victim.ring.size / 32); k > 0 && total > maxChars; k--) dropped(victim, victim.ring.shift());
    }
  };
  const find = (source: LogSource): Ring<StoredLine> | undefined => {
    const logs = apps.get(source.app);
    return source.instance === undefined ? logs?.merged : logs?.instances.get(source.instance)?.ring;
  };
  const lines = (source: LogSource, window: { from?: number; count: number }): LogSlice => {
    const ring = find(source);
    if (ring === undefined) return { from: 0, lines: [] };
    const from = window.from ?? ring.end - window.count;
    return { from: Math.max(ring.first, from), lines: ring.slice(from, window.count) };
  };
  const instanceLogs = (app: string, instance: number): InstanceLogs => {
    let appLogs = apps.get(app);
    if (appLogs === undefined) {
      appLogs = { instances: new Map(), merged: createRing(perApp) };
      apps.set(app, appLogs);
    }
    let logs = appLogs.instances.get(instance);
    if (logs === undefined) {
      logs = { ring: createRing(perInstance), chars: 0, app: appLogs };
      appLogs.instances.set(instance, logs);
      everyInstance.add(logs);
    }
    return logs;
  };

  return {
    append(app, instance, stream, raws) {
      if (raws.length === 0) return;
      const logs = instanceLogs(app, instance);
      for (const raw of raws) {
        const line: StoredLine = { text: sanitize(raw), stream, instance, arrival: arrival++ };
        logs.app.merged.push(line);
        dropped(logs, logs.ring.push(line));
        logs.chars += cost(line);
        total += cost(line);
      }
      enforceBudget(logs);
      version++;
    },
    lines,
    range(source) {
      const ring = find(source);
      return ring === undefined ? { first: 0, end: 0 } : { first: ring.first, end: ring.end };
    },
    merged(app, count) {
      return lines({ app }, { count }).lines;
    },
    instances(app) {
      return [...(apps.get(app)?.instances.keys() ?? [])].sort((a, b) => a - b);
    },
    version: () => version,
    clearApp(app) {
      const appLogs = apps.get(app);
      if (appLogs === undefined) return;
      for (const logs of appLogs.instances.values()) {
        everyInstance.delete(logs);
        total -= logs.chars;
      }
      apps.delete(app);
      version++;
    },
    usage() {
      let count = 0;
      for (const logs of apps.values()) for (const t of logs.instances.values()) count += t.ring.size;
      return { lines: count, chars: total };
    },
  };
}

function cost(line: StoredLine): number {
  return line.text.length + LINE_OVERHEAD;
}

function biggest(all: Iterable<InstanceLogs>): InstanceLogs | undefined {
  let best: InstanceLogs | undefined;
  for (const t of all) if (best === undefined || t.chars > best.chars) best = t;
  return best;
}
