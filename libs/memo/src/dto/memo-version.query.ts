import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/**
 * The memo version the caller expects, on every change to a memo's attachments: when given, the
 * change happens only if the memo is still at it (409 otherwise). `text`: the value comes as text
 * (a query string, a multipart field) and is read as a number first; a JSON body's must be one.
 */
export function ExpectedMemoVersion(source: 'json' | 'text'): PropertyDecorator {
  // Listed bottom-up, the order in which stacked decorators apply.
  return applyDecorators(
    Min(1),
    IsInt(),
    ...(source === 'text' ? [Type(() => Number)] : []),
    IsOptional(),
    ApiPropertyOptional({ minimum: 1, description: 'Expected memo version (409 if it has moved on)' }),
  );
}

/** `?version=` on a DELETE: when given, the change happens only if the memo is still at it. */
export class MemoVersionQuery {
  @ExpectedMemoVersion('text')
  version?: number;
}
