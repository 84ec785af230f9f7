/** A state or dump file that is not valid JSON of a format this version reads. */
export class CorruptStateError extends Error {
  override readonly name = 'CorruptStateError';
  constructor(readonly file: string, why: string, options?: { cause?: unknown }) {
    super(`${file} is not a pmdaemon state file: ${why}`, options);
  }
}

/** `resurrect` without a dump.json to resurrect from. */
export class NoDumpError extends Error {
  override readonly name = 'NoDumpError';
  constructor(readonly file: string) {
    super(`no saved apps: run \`pmdaemon save\` first (${file} does not exist)`);
  }
}
