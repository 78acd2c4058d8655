import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { AppException, ErrorCode } from '@saraban/errors';
import { findInputProblem } from './request-input.util';

/**
 * The same check as the middleware for what is parsed per route, after it: multipart fields and
 * file names (multer runs in the route's interceptor). Runs before validation; cheap on the
 * small objects it usually sees.
 */
@Injectable()
export class RequestInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const root = metadata.type === 'custom' ? (metadata.data ?? 'file') : metadata.type;
    const problem = findInputProblem(value, typeof root === 'string' ? root : metadata.type);
    if (problem) throw new AppException(ErrorCode.ValidationFailed, [problem]);
    return value;
  }
}
