/**
 * The one error type of the app. `message` is internal (logs); `userMessage` is safe to show.
 * Never put secrets (tokens, passwords) in either.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unsupported'
  | 'remote_error'
  | 'remote_unreachable'
  | 'ssrf_blocked'
  | 'too_large'
  | 'invalid_media'
  | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;
  /** Structured data that is safe to send to the browser with the error (e.g. verification checks). */
  readonly publicData?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { userMessage?: string; status?: number; details?: Record<string, unknown>; publicData?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage ?? defaultUserMessage(code);
    this.status = opts.status ?? defaultStatus(code);
    this.details = opts.details;
    this.publicData = opts.publicData;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

function defaultStatus(code: ErrorCode): number {
  switch (code) {
    case 'bad_request': case 'invalid_media': return 400;
    case 'unauthorized': return 401;
    case 'forbidden': case 'ssrf_blocked': return 403;
    case 'not_found': return 404;
    case 'conflict': return 409;
    case 'too_large': return 413;
    case 'rate_limited': return 429;
    case 'unsupported': return 422;
    case 'remote_error': case 'remote_unreachable': return 502;
    default: return 500;
  }
}

function defaultUserMessage(code: ErrorCode): string {
  switch (code) {
    case 'bad_request': return 'The request was not valid.';
    case 'unauthorized': return 'Please sign in.';
    case 'forbidden': return 'You do not have permission to do that.';
    case 'not_found': return 'Not found.';
    case 'conflict': return 'That conflicts with the current state.';
    case 'rate_limited': return 'Too many attempts. Please wait and try again.';
    case 'unsupported': return 'This server does not support that action.';
    case 'remote_error': return 'The instance returned an error.';
    case 'remote_unreachable': return 'The instance could not be reached.';
    case 'ssrf_blocked': return 'That address is not allowed.';
    case 'too_large': return 'The file is too large.';
    case 'invalid_media': return 'The media could not be processed.';
    default: return 'Something went wrong.';
  }
}
