import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from '@saraban/thai-format';
import { RegisterPathDto } from './register-path.dto';

export class RegisterYearPathDto extends RegisterPathDto {
  @ApiProperty({ example: 2026, description: 'Calendar year (ค.ศ.), Bangkok time' })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_SUPPORTED_YEAR)
  @Max(MAX_SUPPORTED_YEAR)
  year: number;
}
