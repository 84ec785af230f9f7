/** An app name that the supervisor does not know; the message lists the ones it does. */
export class UnknownAppError extends Error {
  override readonly name = 'UnknownAppError';
  constructor(readonly app: string, known: readonly string[]) {
    super(
      `no app named "${app}"; ` +
        (known.length === 0 ? 'no apps are running' : `known apps: ${known.join(', ')}`),
    );
  }
}

export class InstanceRangeError extends Error {
  override readonly name = 'InstanceRangeError';
  constructor(readonly app: string, readonly instance: number, count: number) {
    super(`app "${app}" has instances 0-${count - 1}; there is no instance ${instance}`);
  }
}

export class AppExistsError extends Error {
  override readonly name = 'AppExistsError';
  constructor(readonly app: string) {
    super(`app "${app}" already exists; use restart to restart it, or delete it first`);
  }
}

export class ScaleError extends Error {
  override readonly name = 'ScaleError';
}
