import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../../src/config/errors.js';

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
