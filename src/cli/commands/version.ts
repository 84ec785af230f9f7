import { readFileSync } from 'node:fs';

/** The version of this pmdaemon, read from its package.json (the client imports it: keep this file light). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
