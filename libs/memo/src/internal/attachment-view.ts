import type { MemoAttachmentDetailView } from '../dto/memo-attachment-detail.view';
import type { MemoAttachment } from '../entities/memo-attachment.entity';

export function attachmentDetailView(a: MemoAttachment): MemoAttachmentDetailView {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    seq: a.seq,
    filename: a.filename,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    pageCount: a.pageCount,
    columnCount: a.table ? a.table.columns.length : null,
    rowCount: a.table ? a.table.rows.length : null,
    createdAt: a.createdAt,
    table: a.table ? { columns: a.table.columns, rows: a.table.rows } : null,
  };
}
