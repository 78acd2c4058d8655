import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The most rows one page of a list may ask for, and the furthest it may start. */
export const PAGE_LIMIT_MAX = 200;
export const PAGE_OFFSET_MAX = 100_000;

/**
 * `?limit=&offset=` of every list the API answers (inbox, sent, memos, search, notifications):
 * one set of rules, extended by each list's own query.
 */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: PAGE_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: PAGE_OFFSET_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PAGE_OFFSET_MAX)
  offset?: number;
}
