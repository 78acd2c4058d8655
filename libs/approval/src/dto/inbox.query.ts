import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { URGENCIES, type Urgency } from '@saraban/memo';
import { PageQuery } from '@saraban/paging';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ description: 'Only what waits for this post (one of my capacities)' })
  @IsOptional()
  @IsUUID()
  capacity?: string;

  @ApiPropertyOptional({ description: 'Search in the subject and the number (ที่)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SentQuery extends PageQuery {}
