import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { ORDER_KINDS, type OrderKind } from '../core/order-kind';

/** Every command may carry the memo version the caller saw: a different current version answers 409. */
export class VersionedCommandDto {
  @ApiPropertyOptional({
    description: 'The memo version the caller saw; 409 VERSION_CONFLICT if it moved on',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class SubmitMemoDto extends VersionedCommandDto {}

export class WithdrawMemoDto extends VersionedCommandDto {}

export class EndorseMemoDto extends VersionedCommandDto {
  @ApiPropertyOptional({
    description:
      'ความเห็น: the opinion written under the heading; empty or absent endorses without an opinion (the block prints the signature alone)',
    example: 'เห็นควรอนุมัติ',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  opinion?: string;
}

export class ReturnMemoDto extends VersionedCommandDto {
  @ApiProperty({ description: 'Why the memo goes back to its author', example: 'กรุณาแนบรายงานฉบับแก้ไข' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason: string;
}

export class DecideMemoDto extends VersionedCommandDto {
  @ApiProperty({
    enum: ORDER_KINDS,
    description:
      'noted=ทราบ, approved=อนุมัติ, agreed=เห็นชอบ, permitted=อนุญาต, not_approved=ไม่อนุมัติ, custom=free text',
  })
  @IsIn(ORDER_KINDS)
  order: OrderKind;

  @ApiPropertyOptional({ description: 'Required for custom; otherwise printed after the order word' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  text?: string;
}

export class CancelMemoDto extends VersionedCommandDto {
  @ApiProperty({ description: 'Why the clerk cancels; the register number is kept, marked cancelled' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class RerouteMemoDto extends VersionedCommandDto {
  @ApiProperty({ description: 'The post that takes over the stuck step' })
  @IsUUID()
  positionId: string;

  @ApiProperty({ description: 'Why (recorded in the history)', example: 'ตำแหน่งว่าง ไม่มีคำสั่งรักษาราชการแทน' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}
