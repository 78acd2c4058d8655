import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class PublicListingQuery {
  @ApiPropertyOptional({ example: 2569, description: 'ปีงบประมาณ (พ.ศ.)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2484)
  @Max(10543)
  fiscalYear?: number;

  @ApiPropertyOptional({ example: 'o28', description: 'Open-data (OIT) item code' })
  @IsOptional()
  @Matches(/^o\d{1,3}$/)
  oitItem?: string;
}
