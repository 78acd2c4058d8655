import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SetNextNumberDto {
  @ApiProperty({
    example: 936,
    description: 'The number the next issue gets; above every number already issued that year',
  })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  nextNumber: number;

  @ApiPropertyOptional({
    example: 'ย้ายจากทะเบียนกระดาษ เลขสุดท้าย ๙๓๕',
    description: 'Why (kept with the change)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
