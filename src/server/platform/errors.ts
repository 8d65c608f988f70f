/**
 * The one error type services throw. The error handler maps it to `{code, message, details}`.
 * `code` is a stable SCREAMING_SNAKE id the web app maps to Swedish text.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Missing, or outside the actor's scope: both answer 404 so existence does not leak. */
export class NotFoundError extends AppError {
  constructor(entity: string, details?: unknown) {
    super('NOT_FOUND', 404, `${entity} not found`, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You may not do this', details?: unknown) {
    super('FORBIDDEN', 403, message, details);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 409, message, details);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown, code = 'VALIDATION') {
    super(code, 400, message, details);
  }
}

/** Input that is well-formed but breaks a domain rule (personal data, outside the municipality). */
export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 422, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(code = 'UNAUTHENTICATED', message = 'Log in first') {
    super(code, 401, message);
  }
}
