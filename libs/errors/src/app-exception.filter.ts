import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppException } from './app.exception';
import { ErrorCode, errorCatalogue } from './error-code';
import type { ErrorBody } from './error-body';

function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    default:
      return ErrorCode.InternalError;
  }
}

/** Maps every error to `{ statusCode, code, message, details }`; unknown errors never leak internals. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    // As { err }: pino writes its type, message and stack; the line carries the request's reqId.
    if (body.statusCode >= 500) this.logger.error({ err: exception }, 'unhandled error');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppException) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForHttpStatus(status);
      const raw = exception.getResponse();
      const details = typeof raw === 'object' && raw !== null && 'message' in raw ? raw.message : undefined;
      return {
        statusCode: status,
        code: code === ErrorCode.InternalError && status < 500 ? 'HTTP_' + status : code,
        message: errorCatalogue[code].message,
        details,
      };
    }
    // Errors from Express's body parsers (too large, malformed) carry their 4xx status.
    const status = (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = codeForHttpStatus(status);
      return { statusCode: status, code, message: errorCatalogue[code].message };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.InternalError,
      message: errorCatalogue[ErrorCode.InternalError].message,
    };
  }
}
