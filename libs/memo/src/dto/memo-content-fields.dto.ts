import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MEMO_COPY_KINDS,
  MEMO_PURPOSES,
  SECRECIES,
  URGENCIES,
  type MemoCopy,
  type MemoPurpose,
  type Secrecy,
  type Urgency,
} from '../entities/memo.entity';
import { MEMO_LIMITS } from '../memo-limits';
import {
  HeadingBlockDto,
  NumberedBlockDto,
  ParagraphBlockDto,
  toMemoBlockDtos,
  type MemoBlockDto,
} from './memo-block.dto';
import { HasText, IsSafeText } from './safe-text.validator';

/** How many people and units one memo may be copied to. */
export const MEMO_COPIES_MAX = 50;

/** สำเนาเรียน: one person or unit. */
export class MemoCopyDto {
  @ApiProperty({ enum: MEMO_COPY_KINDS })
  @IsIn(MEMO_COPY_KINDS)
  kind: MemoCopy['kind'];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
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

/** The optional content fields shared by create and edit; each is validated the same way in both. */
@ApiExtraModels(HeadingBlockDto, ParagraphBlockDto, NumberedBlockDto)
export class MemoContentFieldsDto {
  @ApiPropertyOptional({
    maxLength: MEMO_LIMITS.unitLine,
    description: 'ส่วนราชการ as printed; defaults to the author unit name and phone',
  })
  @IsOptional()
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.unitLine)
  @IsSafeText()
  unitLine?: string;

  @ApiPropertyOptional({
    maxLength: MEMO_LIMITS.addressee,
    description: 'เรียน; defaults to the title of the decision maker of the author unit chain',
  })
  @IsOptional()
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.addressee)
  @IsSafeText()
  addressee?: string;

  @ApiPropertyOptional({ ...BODY_SCHEMA, description: 'The body as blocks, in reading order' })
  @IsOptional()
  @Transform(toMemoBlockDtos)
  @IsArray()
  @ArrayMaxSize(MEMO_LIMITS.blocks)
  @ValidateNested({ each: true })
  body?: MemoBlockDto[];

  @ApiPropertyOptional({ maxLength: MEMO_LIMITS.closing, example: 'จึงเรียนมาเพื่อโปรดพิจารณา' })
  @IsOptional()
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.closing)
  @IsSafeText()
  closing?: string;

  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ enum: SECRECIES })
  @IsOptional()
  @IsIn(SECRECIES)
  secrecy?: Secrecy;

  @ApiPropertyOptional({
    enum: MEMO_PURPOSES,
    description:
      'เพื่อทราบ (information: "ทราบ" is offered first, and one-tap ทราบ in the inbox) or เพื่อพิจารณา/อนุมัติ (decision, the default: no order is offered first)',
  })
  @IsOptional()
  @IsIn(MEMO_PURPOSES)
  purpose?: MemoPurpose;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The post printed under the signature; one the author holds (default: the primary one)',
  })
  @IsOptional()
  @IsUUID()
  signerPositionId?: string;

  @ApiPropertyOptional({ description: 'Publish on the public portal once decided' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'o28',
    description: 'Open-data (OIT) item code',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(MEMO_LIMITS.oitItem)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  oitItem?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2569,
    description:
      'The fiscal year (B.E.) a published memo reports on and is filed under on the portal; null: the fiscal year of the decision',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(MEMO_LIMITS.fiscalYearMin)
  @Max(MEMO_LIMITS.fiscalYearMax)
  publishFiscalYear?: number | null;

  @ApiPropertyOptional({
    type: [MemoCopyDto],
    maxItems: MEMO_COPIES_MAX,
    description:
      'สำเนาเรียน: people or units of the organisation who receive the memo for information once submitted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEMO_COPIES_MAX)
  @ValidateNested({ each: true })
  @Type(() => MemoCopyDto)
  copies?: MemoCopyDto[];
}
