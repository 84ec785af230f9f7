import type { AppSpec } from '../../config/spec.js';

export const FORMAT = 1;

export interface PersistedInstance {
  desired: 'running' | 'stopped';
  /** The pid and its start time (clock ticks since boot, /proc/<pid>/stat field 22) to tell it from a reused pid. */
  pid: number | null;
  pidStart: number | null;
}

export interface PersistedApp {
  spec: AppSpec;
  /** Port by instance id; undefined where none was assigned (JSON writes null). */
  ports: (number | undefined)[];
  instances: PersistedInstance[];
}

/** What state.json and dump.json hold. */
export interface PersistedFile {
  format: typeof FORMAT;
  savedAt: number;
  /** Set by `pmdaemon kill`: the next daemon starts empty. */
  killed: boolean;
  /** /proc/sys/kernel/random/boot_id when saved: pids of another boot never name our orphans. */
  bootId?: string;
  apps: PersistedApp[];
}

/** The file's text; pretty-printed because operators read it when something went wrong. */
export function serializeFile(file: PersistedFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses and checks a state file; throws an Error saying what is wrong (the caller names the file). */
export function parseFile(text: string): PersistedFile {
  const data: unknown = JSON.parse(text);
  if (!isObject(data)) throw new Error('not a JSON object');
  if (data.format !== FORMAT) throw new Error(`unknown format ${JSON.stringify(data.format)} (this version reads ${FORMAT})`);
  if (!Array.isArray(data.apps)) throw new Error('"apps" is not an array');
  return {
    format: FORMAT,
    savedAt: typeof data.savedAt === 'number' ? data.savedAt : 0,
    killed: data.killed === true,
    bootId: typeof data.bootId === 'string' ? data.bootId : undefined,
    apps: data.apps.map((app, index) => parseApp(app, index)),
  };
}

function parseApp(raw: unknown, index: number): PersistedApp {
  const where = `apps[${index}]`;
  if (!isObject(raw)) throw new Error(`${where} is not an object`);
  const spec = parseSpec(raw.spec, where);
  if (!Array.isArray(raw.instances) || raw.instances.length === 0) throw new Error(`${where}.instances is not a non-empty array`);
  const instances = raw.instances.map((i, id) => parseInstance(i, `${where}.instances[${id}]`));
  const ports = Array.isArray(raw.ports) ? raw.ports : [];
  return {
    // The instance list is the truth about the count (a scale updates both).
    spec: { ...spec, instances: instances.length },
    ports: instances.map((_, id) => parsePort(ports[id], `${where}.ports[${id}]`)),
    instances,
  };
}

/** Checks the fields the supervisor cannot run without; the rest was validated when the app was added. */
function parseSpec(raw: unknown, where: string): AppSpec {
  if (!isObject(raw)) throw new Error(`${where}.spec is not an object`);
  for (const field of ['name', 'script', 'cwd', 'killSignal'] as const) {
    if (typeof raw[field] !== 'string') throw new Error(`${where}.spec.${field} is not a string`);
  }
  if (!Array.isArray(raw.args)) throw new Error(`${where}.spec.args is not an array`);
  if (!isObject(raw.env)) throw new Error(`${where}.spec.env is not an object`);
  if (!isObject(raw.port) || !['none', 'single', 'range', 'auto'].includes(raw.port.kind as string)) {
    throw new Error(`${where}.spec.port is not a port spec`);
  }
  return raw as unknown as AppSpec;
}

function parseInstance(raw: unknown, where: string): PersistedInstance {
  if (!isObject(raw)) throw new Error(`${where} is not an object`);
  if (raw.desired !== 'running' && raw.desired !== 'stopped') throw new Error(`${where}.desired is not "running" or "stopped"`);
  return { desired: raw.desired, pid: positiveInt(raw.pid), pidStart: positiveInt(raw.pidStart) };
}

function parsePort(raw: unknown, where: string): number | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 65535) throw new Error(`${where} is not a port`);
  return raw;
}

function positiveInt(raw: unknown): number | null {
  return typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
