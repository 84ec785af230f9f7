/** `start` of an app whose instances are running. */
export class AppRunningError extends Error {
  override readonly name = 'AppRunningError';
  constructor(readonly app: string) {
    super(`app "${app}" is already running; use "pmdaemon restart ${app}" to restart it`);
  }
}
