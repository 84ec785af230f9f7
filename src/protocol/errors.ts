/** A message that breaks the protocol: bad JSON, an unknown method, a line that is too long. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** An error thrown in the daemon, rethrown in the client with the daemon's `name` and `message`. */
export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}
