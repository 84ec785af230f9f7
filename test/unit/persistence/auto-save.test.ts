import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/daemon/persistence/atomic-write.js';
import { autoSave, type AutoSaveOptions } from '../../../src/daemon/persistence/auto-save.js';
import { parseFile } from '../../../src/daemon/persistence/format.js';
import { createSupervisorStore, newInstance, withApp, withInstance, withPort, type SupervisorStore } from '../../../src/supervisor/store.js';
import { makeSpec } from '../../helpers/make-spec.js';
import { waitFor } from '../../helpers/wait-for.js';

let dir: string;
let file: string;
let stops: Array<() => void>;
let store: SupervisorStore;
let clockTick: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  file = path.join(dir, 'state.json');
  stops = [];
  clockTick = 0;
  store = createSupervisorStore(0);
  store.setState((s) => withApp(s, makeSpec({ name: 'web', instances: 2 }), [newInstance('web', 0), newInstance('web', 1)]), true);
});

afterEach(() => {
  for (const stop of stops) stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts an auto-save whose clock counts writes: `savedAt` of write n is n. */
function start(options: Partial<AutoSaveOptions> = {}): () => void {
  const stop = autoSave(store, { file, now: () => ++clockTick, bootId: 'boot', pidStart: (pid) => pid * 10, ...options });
  stops.push(stop);
  return stop;
}

function saved(): ReturnType<typeof parseFile> {
  return parseFile(fs.readFileSync(file, 'utf8'));
}

function writes(): number {
  return fs.existsSync(file) ? saved().savedAt : 0;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('auto-save', () => {
  it('writes the current state once when it starts', async () => {
    start();
    await waitFor(() => writes() === 1, { what: 'the first write' });
    expect(saved().apps.map((a) => a.spec.name)).toEqual(['web']);
    expect(saved().bootId).toBe('boot');
  });

  it('writes a desired-state change, and not the metric ticks before it', async () => {
    start();
    await waitFor(() => writes() === 1, { what: 'the first write' });
    for (let k = 0; k < 5; k++) {
      store.setState((s) => withInstance(s, 'web', 0, (i) => ({ ...i, cpu: k, memory: k * 1000, history: [...i.history, { at: k, cpu: k, memory: k }] })), true);
      await nextTurn();
    }
    store.setState((s) => withInstance(s, 'web', 1, (i) => ({ ...i, desired: 'stopped' })), true);
    await waitFor(() => saved().apps[0]?.instances[1]?.desired === 'stopped', { what: 'the desired state on disk' });
    expect(writes()).toBe(2);
  });

  it('records pids with their start times and port assignments', async () => {
    start();
    store.setState((s) => withPort(withInstance(s, 'web', 0, (i) => ({ ...i, pid: 41, startedAt: 1 })), 'web', 1, 3001), true);
    await waitFor(() => saved().apps[0]?.instances[0]?.pid === 41, { what: 'the pid on disk' });
    expect(saved().apps[0]!.instances[0]).toEqual({ desired: 'running', pid: 41, pidStart: 410 });
    expect(saved().apps[0]!.ports).toEqual([undefined, 3001]);
  });

  it('coalesces a burst of changes and always ends with the last one', async () => {
    start();
    for (let pid = 1; pid <= 200; pid++) {
      store.setState((s) => withInstance(s, 'web', 0, (i) => ({ ...i, pid })), true);
      if (pid % 20 === 0) await nextTurn();
    }
    await waitFor(() => saved().apps[0]?.instances[0]?.pid === 200, { what: 'the last pid on disk' });
    expect(writes()).toBeLessThanOrEqual(11);
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('writes a pending change synchronously when stopped, and nothing after', async () => {
    const stop = start();
    await waitFor(() => writes() === 1, { what: 'the first write' });
    store.setState((s) => withInstance(s, 'web', 1, (i) => ({ ...i, desired: 'stopped' })), true);
    stop();
    expect(saved().apps[0]!.instances[1]!.desired).toBe('stopped');
    const after = writes();
    store.setState((s) => withInstance(s, 'web', 0, (i) => ({ ...i, desired: 'stopped' })), true);
    for (let k = 0; k < 5; k++) await nextTurn();
    expect(writes()).toBe(after);
    expect(saved().apps[0]!.instances[0]!.desired).toBe('running');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('stopped during an in-flight write, keeps the newer synchronous write', async () => {
    const inFlight: Array<Promise<boolean>> = [];
    const stop = start({ writeAsync: (...args) => (inFlight.push(writeFileAtomic(...args)), inFlight.at(-1)!) });
    await nextTurn();
    expect(inFlight).toHaveLength(1);
    store.setState((s) => withInstance(s, 'web', 1, (i) => ({ ...i, desired: 'stopped' })), true);
    stop();
    await expect(inFlight[0]).resolves.toBe(false);
    expect(saved().apps[0]!.instances[1]!.desired).toBe('stopped');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('warns once when a write fails, and saves once the directory is back', async () => {
    const warnings: string[] = [];
    fs.rmSync(dir, { recursive: true });
    start({ warn: (m) => warnings.push(m), retryMs: 20 });
    await waitFor(() => warnings.length > 0, { what: 'a warning' });
    expect(warnings[0]).toContain(`could not save ${file}`);
    fs.mkdirSync(dir);
    await waitFor(() => fs.existsSync(file), { what: 'the retried write' });
    expect(warnings).toHaveLength(1);
  });
});
