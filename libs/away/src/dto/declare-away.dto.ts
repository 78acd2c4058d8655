import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ACTING_KINDS, type ActingKind } from '@saraban/organisation';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class DeclareAwayDto {
  @ApiProperty({ example: '2026-12-14', description: 'First day away (Bangkok), inclusive' })
  @Matches(DAY, { message: 'ต้องเป็นวันที่รูปแบบ YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ต้องเป็นวันที่ที่มีอยู่จริง' })
  from: string;

  @ApiProperty({ example: '2026-12-18', description: 'Last day away (Bangkok), inclusive' })
  @Matches(DAY, { message: 'ต้องเป็นวันที่รูปแบบ YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ต้องเป็นวันที่ที่มีอยู่จริง' })
  to: string;

  @ApiProperty({ description: 'Who acts for me meanwhile (a person of my organisation)' })
  @IsUUID()
  actingPersonId: string;

  @ApiPropertyOptional({ enum: ACTING_KINDS, default: 'acting', description: 'รักษาราชการแทน by default' })
  @IsOptional()
  @IsIn(ACTING_KINDS)
  kind?: ActingKind;

  @ApiPropertyOptional({ description: 'Why, e.g. ลาพักผ่อน, ไปราชการ', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class DecideAwayDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}
