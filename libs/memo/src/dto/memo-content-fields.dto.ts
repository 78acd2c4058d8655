import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import { OIT_ITEM_CODE } from '@saraban/organisation';
import {
  MEMO_COPY_KINDS,
  MEMO_PURPOSES,
  SECRECIES,
  URGENCIES,
  type MemoCopy,
  type MemoPurpose,
  type Secrecy,
  type Urgency,
} from '../memo-vocabulary';
import { MEMO_LIMITS } from '../memo-limits';
import type { MemoBlock } from '../memo-block';
import { MEMO_COPIES_MAX } from '../memo-draft.schema';
import { HeadingBlockDto, NumberedBlockDto, ParagraphBlockDto } from './memo-block.dto';

/** สำเนาเรียน: one person or unit. */
export class MemoCopyDto {
  @ApiProperty({ enum: MEMO_COPY_KINDS })
  kind: MemoCopy['kind'];

  @ApiProperty({ format: 'uuid' })
  id: string;
}

/** The body's OpenAPI schema: an array of blocks told apart by `type`. */
export const BODY_SCHEMA: ApiPropertyOptions = {
  type: 'array',
  maxItems: MEMO_LIMITS.blocks,
  items: {
    oneOf: [
      { $ref: getSchemaPath(HeadingBlockDto) },
      { $ref: getSchemaPath(ParagraphBlockDto) },
      { $ref: getSchemaPath(NumberedBlockDto) },
    ],
    discriminator: { propertyName: 'type' },
  },
};

/**
 * The optional content fields shared by create and edit, as OpenAPI describes them. The request
 * is validated by `createMemoSchema` / `updateMemoSchema` (memo-draft.schema.ts), which the web's
 * compose form uses too; these classes only document it.
 */
@ApiExtraModels(HeadingBlockDto, ParagraphBlockDto, NumberedBlockDto)
export class MemoContentFieldsDto {
  @ApiPropertyOptional({
    maxLength: MEMO_LIMITS.unitLine,
    description: 'ส่วนราชการ as printed; defaults to the author unit name and phone',
  })
  unitLine?: string;

  @ApiPropertyOptional({
    maxLength: MEMO_LIMITS.addressee,
    description: 'เรียน; defaults to the title of the decision maker of the author unit chain',
  })
  addressee?: string;

  @ApiPropertyOptional({ ...BODY_SCHEMA, description: 'The body as blocks, in reading order' })
  body?: MemoBlock[];

  @ApiPropertyOptional({ maxLength: MEMO_LIMITS.closing, example: 'จึงเรียนมาเพื่อโปรดพิจารณา' })
  closing?: string;

  @ApiPropertyOptional({ enum: URGENCIES })
  urgency?: Urgency;

  @ApiPropertyOptional({ enum: SECRECIES })
  secrecy?: Secrecy;

  @ApiPropertyOptional({
    enum: MEMO_PURPOSES,
    description:
      'เพื่อทราบ (information: "ทราบ" is offered first, and one-tap ทราบ in the inbox) or เพื่อพิจารณา/อนุมัติ (decision, the default: no order is offered first)',
  })
  purpose?: MemoPurpose;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The post printed under the signature; one the author holds (default: the primary one)',
  })
  signerPositionId?: string;

  @ApiPropertyOptional({ description: 'Publish on the public portal once decided' })
  publish?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'o28',
    pattern: OIT_ITEM_CODE.source,
    description: "Open-data (OIT) item code, one of the organisation's catalogue for the fiscal year",
  })
  oitItem?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2569,
    description:
      'The fiscal year (B.E.) a published memo reports on and is filed under on the portal; null: the fiscal year of the decision',
  })
  publishFiscalYear?: number | null;

  @ApiPropertyOptional({
    type: [MemoCopyDto],
    maxItems: MEMO_COPIES_MAX,
    description:
      'สำเนาเรียน: people or units of the organisation who receive the memo for information once submitted',
  })
  copies?: MemoCopyDto[];
}
