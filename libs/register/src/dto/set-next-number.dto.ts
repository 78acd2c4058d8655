import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTER_NUMBER_MAX, REGISTER_TEXT_LIMITS } from './register-input.schema';

/** The body as the OpenAPI document describes it; registerInputSchemas.setNextNumber says what it may hold. */
export class SetNextNumberDto {
  @ApiProperty({
    minimum: 1,
    maximum: REGISTER_NUMBER_MAX,
    example: 936,
    description: 'The number the next issue gets; above every number already issued that year',
  })
  nextNumber: number;

  @ApiPropertyOptional({
    maxLength: REGISTER_TEXT_LIMITS.note,
    example: 'ย้ายจากทะเบียนกระดาษ เลขสุดท้าย ๙๓๕',
    description: 'Why (kept with the change)',
  })
  note?: string;
}
