import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { MEMO_STATUSES, type MemoStatus } from '../memo-vocabulary';
import { PageQuery } from '@saraban/paging';

function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function toList({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.split(',') : value;
}

/** GET /memos */
export class ListMemosQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Only my memos (officers must set it; clerks and admins may list the organisation)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({
    enum: MEMO_STATUSES,
    isArray: true,
    description: 'Comma-separated; with mine=true the default is draft,returned (what I can still edit)',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(MEMO_STATUSES, { each: true })
  status?: MemoStatus[];
}
