import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { ConfigError } from '../../../src/config/errors.js';
import { loadConfigFile } from '../../../src/config/index.js';
import type { AppSpec } from '../../../src/config/spec.js';

/** Absolute path of a file under test/fixtures/configs. */
export function fixture(...parts: string[]): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/configs', ...parts);
}

/** Runs `fn` and returns the ConfigError it throws; fails the test when it does not throw one. */
export async function configErrorOf(fn: () => unknown): Promise<ConfigError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw new Error(`expected a ConfigError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

/**
 * A temp dir per test holding `eco.json5` with one app "web" (`base` fields, then the test's);
 * registers its own beforeEach/afterEach. `dir()`/`file()` name the current test's paths.
 */
export function webAppConfig(base: Record<string, unknown>): {
  dir: () => string;
  file: () => string;
  loadWeb: (fields: Record<string, unknown>) => Promise<AppSpec>;
  problemsOf: (fields: Record<string, unknown>) => Promise<string[]>;
} {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = (): string => path.join(dir, 'eco.json5');
  const loadWeb = async (fields: Record<string, unknown>): Promise<AppSpec> => {
    fs.writeFileSync(file(), `// written by the test\n{ apps: [ ${JSON.stringify({ name: 'web', script: 'sleep', ...base, ...fields })} ] }\n`);
    const [spec] = await loadConfigFile(file(), { cpus: 4 });
    if (spec === undefined) throw new Error('no spec loaded');
    return spec;
  };
  /** The lines of the ConfigError that loading app "web" throws, without the "<file>: app "web": " prefix. */
  const problemsOf = async (fields: Record<string, unknown>): Promise<string[]> => {
    const error = await configErrorOf(() => loadWeb(fields));
    const prefix = `${file()}: app "web": `;
    return error.message.split('\n').map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line));
  };
  return { dir: () => dir, file, loadWeb, problemsOf };
}
