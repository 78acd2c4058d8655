import { ApiProperty } from '@nestjs/swagger';
import { MEMO_LIMITS } from '../memo-limits';

/*
 * The body blocks as OpenAPI describes them. What a block may hold is validated by
 * `memoBlockSchema` (memo-draft.schema.ts), the one rule the API and the web share.
 */

/** A heading such as ข้อเท็จจริง or ข้อระเบียบ/กฎหมาย. */
export class HeadingBlockDto {
  @ApiProperty({ enum: ['heading'] })
  type: 'heading';

  @ApiProperty({ maxLength: MEMO_LIMITS.headingText, example: 'ข้อเท็จจริง' })
  text: string;
}

/** A paragraph, printed with a first-line indent. */
export class ParagraphBlockDto {
  @ApiProperty({ enum: ['paragraph'] })
  type: 'paragraph';

  @ApiProperty({ maxLength: MEMO_LIMITS.paragraphText })
  text: string;
}

/** Numbered items (๑. ๒. ๓.); the numbers are printed, not typed. */
export class NumberedBlockDto {
  @ApiProperty({ enum: ['numbered'] })
  type: 'numbered';

  @ApiProperty({ type: [String], minItems: 1, maxItems: MEMO_LIMITS.numberedItems })
  items: string[];
}
