import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance, type TransformFnParams } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { MEMO_BLOCK_TYPES } from '../memo-block';
import { MEMO_LIMITS } from '../memo-limits';
import { HasText, IsSafeText } from './safe-text.validator';

/** A heading such as ข้อเท็จจริง or ข้อระเบียบ/กฎหมาย. */
export class HeadingBlockDto {
  @ApiProperty({ enum: ['heading'] })
  @IsIn(['heading'])
  type: 'heading';

  @ApiProperty({ maxLength: MEMO_LIMITS.headingText, example: 'ข้อเท็จจริง' })
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.headingText)
  @IsSafeText()
  text: string;
}

/** A paragraph, printed with a first-line indent. */
export class ParagraphBlockDto {
  @ApiProperty({ enum: ['paragraph'] })
  @IsIn(['paragraph'])
  type: 'paragraph';

  @ApiProperty({ maxLength: MEMO_LIMITS.paragraphText })
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.paragraphText)
  @IsSafeText(true)
  text: string;
}

/** Numbered items (๑. ๒. ๓.); the numbers are printed, not typed. */
export class NumberedBlockDto {
  @ApiProperty({ enum: ['numbered'] })
  @IsIn(['numbered'])
  type: 'numbered';

  @ApiProperty({ type: [String], maxItems: MEMO_LIMITS.numberedItems })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEMO_LIMITS.numberedItems)
  @IsString({ each: true })
  @HasText({ each: true })
  @MaxLength(MEMO_LIMITS.numberedItemText, { each: true })
  @IsSafeText(true, { each: true })
  items: string[];
}

/** Stands in for a block of an unknown type so that validation names the bad `type`. */
class UnknownBlockDto {
  @IsIn(MEMO_BLOCK_TYPES)
  type: string;
}

export type MemoBlockDto = HeadingBlockDto | ParagraphBlockDto | NumberedBlockDto;

const BLOCK_CLASSES: Record<string, new () => MemoBlockDto> = {
  heading: HeadingBlockDto,
  paragraph: ParagraphBlockDto,
  numbered: NumberedBlockDto,
};

/**
 * Builds the DTO instance of each block from the plain request, keyed by `type`.
 * class-transformer's own discriminator throws (a 500) on a null element; here anything that
 * is not an object is left as it is for @ValidateNested to reject.
 */
export function toMemoBlockDtos({ obj, key }: TransformFnParams): unknown {
  const raw: unknown = (obj as Record<string, unknown>)[key];
  if (!Array.isArray(raw)) return raw;
  return raw.map((element: unknown) => {
    if (typeof element !== 'object' || element === null || Array.isArray(element)) return element;
    const type = (element as { type?: unknown }).type;
    const cls =
      typeof type === 'string' && Object.hasOwn(BLOCK_CLASSES, type) ? BLOCK_CLASSES[type] : UnknownBlockDto;
    return plainToInstance(cls, element);
  });
}
