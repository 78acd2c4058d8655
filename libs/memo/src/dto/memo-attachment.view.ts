import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentKind } from '../entities/memo-attachment.entity';

/** An attachment without its content. */
export class MemoAttachmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['pdf', 'table'] })
  kind: AttachmentKind;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'Printing order, from 1' })
  seq: number;

  @ApiProperty({ type: String, nullable: true, description: 'The uploaded file name (PDF only)' })
  filename: string | null;

  @ApiProperty({ description: 'Bytes of the PDF (0 for a table)' })
  sizeBytes: number;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the PDF, hex' })
  sha256: string | null;

  @ApiProperty({ type: Number, nullable: true })
  pageCount: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Columns of a table' })
  columnCount: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rows of a table, header excluded' })
  rowCount: number | null;

  @ApiProperty()
  createdAt: Date;
}
