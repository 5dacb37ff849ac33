/** Stable codes of real errors; `web/app.ts` maps each to an HTTP status in one place. */
export type AppErrorCode = 'not-found' | 'gone' | 'forbidden' | 'unauthenticated' | 'invalid' | 'conflict' | 'unavailable' | 'internal';

/** A real error with a stable code and a message a person can act on. Expected outcomes are typed results instead. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
