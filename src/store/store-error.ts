/** A store problem a person must fix (bad URL, unreachable server, unwritable folder); `message` is one line. */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
