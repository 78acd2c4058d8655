import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTER_TEXT_LIMITS } from './register-input.schema';

/**
 * A document the clerk registers by hand, e.g. a paper letter that is not a memo in the system
 * (as the OpenAPI document describes it; registerInputSchemas.registerDocument says what it may hold).
 */
export class RegisterDocumentDto {
  @ApiProperty({
    maxLength: REGISTER_TEXT_LIMITS.party,
    example: 'องค์การบริหารส่วนตำบลคำปีใหม่',
    description: 'จาก',
  })
  fromText: string;

  @ApiProperty({ maxLength: REGISTER_TEXT_LIMITS.party, example: 'นายอำเภอเมืองนครพนม', description: 'ถึง' })
  toText: string;

  @ApiProperty({
    maxLength: REGISTER_TEXT_LIMITS.subject,
    example: 'ขอส่งรายงานผลการดำเนินงาน',
    description: 'เรื่อง',
  })
  subject: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-14',
    description: 'ลงวันที่ (YYYY-MM-DD); defaults to today in Bangkok',
  })
  datedOn?: string;

  @ApiPropertyOptional({ maxLength: REGISTER_TEXT_LIMITS.note, description: 'การปฏิบัติ' })
  action?: string;

  @ApiPropertyOptional({ maxLength: REGISTER_TEXT_LIMITS.note, description: 'หมายเหตุ' })
  remarks?: string;
}
