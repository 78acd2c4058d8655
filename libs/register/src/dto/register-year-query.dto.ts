import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from '@saraban/thai-format';

export class RegisterYearQueryDto {
  @ApiPropertyOptional({
    example: 2026,
    description: 'Calendar year (ค.ศ.), Bangkok time; defaults to the current one',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_SUPPORTED_YEAR)
  @Max(MAX_SUPPORTED_YEAR)
  year?: number;
}
