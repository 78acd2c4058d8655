import { ErrorCode, errorCatalogue } from './error-code';

/** The domain error: a code from the catalogue, an optional Thai message and details for the caller. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    messageTh?: string,
  ) {
    super(messageTh ?? errorCatalogue[code].message);
    this.name = 'AppException';
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}
