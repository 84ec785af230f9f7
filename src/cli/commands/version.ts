import { readFileSync } from 'node:fs';
import type { CliIo } from '../io.js';

/** The version of this pmdaemon, read from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function version(_argv: string[], io: CliIo): Promise<number> {
  io.stdout.write(`${packageVersion()}\n`);
  return 0;
}
