import 'server-only';

/**
 * A refusal a user can act on. `code` is a message key (namespace "errors"); the use case changed
 * nothing. Server actions turn it into a result; anything else is a bug and is logged.
 */
export class UseCaseError extends Error {
  constructor(
    readonly code: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'UseCaseError';
  }
}

export const refuse = (code: string, values?: Record<string, string | number>): never => {
  throw new UseCaseError(code, values);
};
