import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MEMO_STATUSES, type MemoStatus } from '../entities/memo.entity';

function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function toList({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.split(',') : value;
}

/** GET /memos */
export class ListMemosQuery {
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

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
