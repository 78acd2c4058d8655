import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_KINDS, type OrderKind } from '../core/order-kind';
import { APPROVAL_TEXT_LIMITS } from './approval-command.schema';

/*
 * The approval command bodies as the OpenAPI document describes them. What they may hold is
 * said once, by approvalCommandSchemas, which the API and the web forms validate with.
 */

/** Every command may carry the memo version the caller saw: a different current version answers 409. */
export class VersionedCommandDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'The memo version the caller saw; 409 VERSION_CONFLICT if it moved on',
  })
  version?: number;
}

export class EndorseMemoDto extends VersionedCommandDto {
  @ApiPropertyOptional({
    maxLength: APPROVAL_TEXT_LIMITS.opinion,
    description:
      'ความเห็น: the opinion written under the heading; empty or absent endorses without an opinion (the block prints the signature alone)',
    example: 'เห็นควรอนุมัติ',
  })
  opinion?: string;
}

export class ReturnMemoDto extends VersionedCommandDto {
  @ApiProperty({
    minLength: 1,
    maxLength: APPROVAL_TEXT_LIMITS.returnReason,
    description: 'Why the memo goes back to its author',
    example: 'กรุณาแนบรายงานฉบับแก้ไข',
  })
  reason: string;
}

export class DecideMemoDto extends VersionedCommandDto {
  @ApiProperty({
    enum: ORDER_KINDS,
    description:
      'noted=ทราบ, approved=อนุมัติ, agreed=เห็นชอบ, permitted=อนุญาต, not_approved=ไม่อนุมัติ, custom=free text',
  })
  order: OrderKind;

  @ApiPropertyOptional({
    maxLength: APPROVAL_TEXT_LIMITS.orderText,
    description: 'Required for custom; otherwise printed after the order word',
  })
  text?: string;
}

export class CancelMemoDto extends VersionedCommandDto {
  @ApiProperty({
    minLength: 1,
    maxLength: APPROVAL_TEXT_LIMITS.cancelReason,
    description: 'Why the clerk cancels; the register number is kept, marked cancelled',
  })
  reason: string;
}

export class RerouteMemoDto extends VersionedCommandDto {
  @ApiProperty({ format: 'uuid', description: 'The post that takes over the stuck step' })
  positionId: string;

  @ApiProperty({
    minLength: 1,
    maxLength: APPROVAL_TEXT_LIMITS.rerouteNote,
    description: 'Why (recorded in the history)',
    example: 'ตำแหน่งว่าง ไม่มีคำสั่งรักษาราชการแทน',
  })
  note: string;
}
