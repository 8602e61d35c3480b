// The one way a refusal reaches the person: a service throws a UserError (an HTTP status, a French message,
// and the fields it concerns); the route turns it into its form's errors (`replyTo`), and any left uncaught
// become the French error page with that status (`withUserErrors` in app/services/platform/http.server.ts).
// Services never throw a Response: they do not know whether a page, a form or a download is answering.

/** French messages by form field; `form` is the whole form's. */
export type FieldErrors = Record<string, string>;

export interface UserErrorOptions {
  /** The HTTP status of the answer: 400 bad input, 403, 404, 409 conflict, 410 gone, 422 refused form. */
  status?: number;
  fieldErrors?: FieldErrors;
}

// Marks a UserError whichever copy of this module made it: the route tests load fresh copies of the app's
// modules for each database (vi.resetModules), where `instanceof` would not recognise another copy's class.
const USER_ERROR = Symbol.for("portail-ess.user-error");

/** A refusal the person can understand and act on, in French. */
export class UserError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldErrors;
  readonly [USER_ERROR] = true;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message);
    this.name = "UserError";
    this.status = options.status ?? 400;
    this.fieldErrors = options.fieldErrors ?? {};
  }
}

/** Whether `error` is a refusal to answer (a UserError or one of its kinds) rather than a fault. */
export function isUserError(error: unknown): error is UserError {
  return typeof error === "object" && error !== null && USER_ERROR in error;
}

/** The 404 of something that does not exist or that the person may not see (both answered alike). */
export const notFound = (message: string) => new UserError(message, { status: 404 });

/** The 403 of an act the person's role or membership does not allow. */
export const forbidden = (message: string) => new UserError(message, { status: 403 });
