/** The daemon runs another pmdaemon version than this client (design §2: never talk across versions silently). */
export class VersionMismatchError extends Error {
  override readonly name = 'VersionMismatchError';
  constructor(
    readonly daemonVersion: string,
    readonly clientVersion: string,
  ) {
    super(
      `the running daemon is pmdaemon ${daemonVersion}, this CLI is ${clientVersion}; ` +
        'run `pmdaemon update` to replace it (apps come back on their ports)',
    );
  }
}

/** The connection to the daemon closed while requests were waiting for answers. */
export class DaemonGoneError extends Error {
  override readonly name = 'DaemonGoneError';
  constructor(readonly home: string, options?: { cause?: unknown }) {
    super(`the pmdaemon daemon went away (see ${home}/daemon.log)`, options);
  }
}

/** A daemon was started but never answered on its socket. */
export class DaemonStartError extends Error {
  override readonly name = 'DaemonStartError';
}

/** No daemon runs for this home, and the caller asked not to start one. */
export class DaemonNotRunningError extends Error {
  override readonly name = 'DaemonNotRunningError';
  constructor(readonly home: string) {
    super(`no pmdaemon daemon is running for ${home}`);
  }
}

/** A request made on, or pending at, a client that was closed. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';
  constructor() {
    super('this pmdaemon client is closed; connect() again');
  }
}
