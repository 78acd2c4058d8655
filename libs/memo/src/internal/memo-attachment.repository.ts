import type { EntityManager } from 'typeorm';
import type { MemoAttachmentView } from '../dto/memo-attachment.view';
import type { AttachmentKind } from '../entities/memo-attachment.entity';

/* Statements on memo_attachments beside TypeORM's finds: the counted list and the tables' size. */

interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  title: string;
  seq: number;
  filename: string | null;
  size_bytes: number;
  sha256: string | null;
  page_count: number | null;
  column_count: number | null;
  row_count: number | null;
  created_at: Date;
}

/** A memo's attachments in printing order, counted but without their tables or bytes. */
export async function listAttachmentViews(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<MemoAttachmentView[]> {
  const rows = await manager.query<AttachmentRow[]>(
    `SELECT id, kind, title, seq, filename, size_bytes, sha256, page_count, created_at,
            jsonb_array_length("table" -> 'columns') AS column_count,
            jsonb_array_length("table" -> 'rows') AS row_count
       FROM memo_attachments
      WHERE memo_id = $1 AND organisation_id = $2
      ORDER BY seq, created_at`,
    [memoId, organisationId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    seq: r.seq,
    filename: r.filename,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    pageCount: r.page_count,
    columnCount: r.column_count,
    rowCount: r.row_count,
    createdAt: r.created_at,
  }));
}

/** How many cells the memo's tables hold together (header rows included). */
export async function tableCellsOfMemo(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<number> {
  const rows: { cells: string | null }[] = await manager.query(
    `SELECT sum(jsonb_array_length("table"->'columns') * (jsonb_array_length("table"->'rows') + 1)) AS cells
       FROM memo_attachments WHERE memo_id = $1 AND organisation_id = $2 AND kind = 'table'`,
    [memoId, organisationId],
  );
  return Number(rows[0]?.cells ?? 0);
}
