import { ApiProperty } from '@nestjs/swagger';
import { REGISTER_TEXT_LIMITS } from './register-input.schema';

/** The body as the OpenAPI document describes it; registerInputSchemas.cancelEntry says what it may hold. */
export class CancelRegisterEntryDto {
  @ApiProperty({
    minLength: 1,
    maxLength: REGISTER_TEXT_LIMITS.note,
    example: 'ออกเลขซ้ำกับหนังสือฉบับเดิม',
    description: 'Why the number is cancelled (printed in หมายเหตุ)',
  })
  reason: string;
}
