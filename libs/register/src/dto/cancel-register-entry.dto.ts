import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CancelRegisterEntryDto {
  @ApiProperty({
    example: 'ออกเลขซ้ำกับหนังสือฉบับเดิม',
    description: 'Why the number is cancelled (printed in หมายเหตุ)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
