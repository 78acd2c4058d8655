import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `?version=` on a DELETE: when given, the change happens only if the memo is still at it. */
export class MemoVersionQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Expected memo version (409 if it has moved on)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
