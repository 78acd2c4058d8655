import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}

/**
 * Bound before the multer interceptor so it sees multer's errors: the size limit becomes 413
 * PAYLOAD_TOO_LARGE with a Thai message that states the limit.
 */
@Injectable()
export class PdfUploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const maxBytes = this.config.ATTACHMENT_MAX_BYTES;
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          throw new AppException(
            ErrorCode.PayloadTooLarge,
            { maxBytes },
            `ไฟล์มีขนาดใหญ่เกินกำหนด แนบได้ไม่เกิน ${megabytes(maxBytes)} MB ต่อไฟล์`,
          );
        }
        throw error;
      }),
    );
  }
}
