/** A user-facing CLI failure: message goes to stderr and the command exits with `exitCode` (2 = bad input/usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
