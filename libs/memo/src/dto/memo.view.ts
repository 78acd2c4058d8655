import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import {
  MEMO_COPY_KINDS,
  MEMO_PURPOSES,
  MEMO_STATUSES,
  SECRECIES,
  URGENCIES,
  type MemoCopy,
  type MemoPurpose,
  type MemoStatus,
  type Secrecy,
  type Urgency,
} from '../memo-vocabulary';
import type { MemoBlock } from '../memo-block';
import { HeadingBlockDto, NumberedBlockDto, ParagraphBlockDto } from './memo-block.dto';
import { BODY_SCHEMA } from './memo-content-fields.dto';
import { MemoAttachmentView } from './memo-attachment.view';
import { MemoPersonView } from './memo-person.view';
import { MemoPositionView } from './memo-position.view';

/** สำเนาเรียน: a person ("นายวิชัย ศรีสุข") or a unit ("สำนักปลัด"). */
export class MemoCopyView {
  @ApiProperty({ enum: MEMO_COPY_KINDS }) kind: MemoCopy['kind'];
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** A memo with everything a reader, the approval engine or the renderer needs (attachment bytes excepted). */
@ApiExtraModels(HeadingBlockDto, ParagraphBlockDto, NumberedBlockDto)
export class MemoView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: MemoPersonView })
  author: MemoPersonView;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ description: 'ส่วนราชการ' })
  unitLine: string;

  @ApiProperty({ description: 'เรื่อง' })
  subject: string;

  @ApiProperty({ description: 'เรียน' })
  addressee: string;

  @ApiProperty(BODY_SCHEMA)
  body: MemoBlock[];

  @ApiProperty()
  closing: string;

  @ApiProperty({ enum: URGENCIES })
  urgency: Urgency;

  @ApiProperty({ enum: SECRECIES })
  secrecy: Secrecy;

  @ApiProperty({ type: MemoPositionView, description: 'The post printed under the signature' })
  signerPosition: MemoPositionView;

  @ApiProperty()
  publish: boolean;

  @ApiProperty({ type: String, nullable: true })
  oitItem: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The fiscal year (B.E.) it is filed under on the portal; null: the fiscal year of the decision',
  })
  publishFiscalYear: number | null;

  @ApiProperty({ enum: MEMO_PURPOSES, description: 'เพื่อทราบ (information) or เพื่อพิจารณา/อนุมัติ (decision)' })
  purpose: MemoPurpose;

  @ApiProperty({ type: [MemoCopyView], description: 'สำเนาเรียน, with the names as they are now' })
  copies: MemoCopyView[];

  @ApiProperty({ enum: MEMO_STATUSES })
  status: MemoStatus;

  @ApiProperty({ description: 'Send it back with the next edit' })
  version: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  @ApiProperty({ type: [MemoAttachmentView] })
  attachments: MemoAttachmentView[];
}
