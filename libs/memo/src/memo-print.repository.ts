import type { EntityManager } from 'typeorm';
import type { MemoBlock } from './memo-block';
import type { ReportTable } from './entities/memo-attachment.entity';
import type { Secrecy, Urgency } from './memo-vocabulary';

/** What the memo library hands the document assembler: everything printed of the memo itself. */
export interface MemoPrintContent {
  authorId: string;
  urgency: Urgency;
  secrecy: Secrecy;
  unitLine: string;
  subject: string;
  addressee: string;
  body: MemoBlock[];
  closing: string;
  /** Its report tables in order. */
  tables: { title: string; table: ReportTable }[];
  /** How many uploaded PDFs it appends (their bytes and titles: `readPdfAttachments`). */
  pdfAttachments: number;
}

/** One statement: the memo's printed parts, its report tables and how many PDFs it appends; null if absent. */
export async function readMemoPrintContent(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<MemoPrintContent | null> {
  const rows = await manager.query<
    (Omit<MemoPrintContent, 'authorId' | 'unitLine' | 'pdfAttachments'> & {
      author_id: string;
      unit_line: string;
      pdf_attachments: number;
    })[]
  >(
    `SELECT m.author_id, m.urgency, m.secrecy, m.unit_line, m.subject, m.addressee, m.body, m.closing,
         (SELECT coalesce(json_agg(json_build_object('title', a.title, 'table', a."table") ORDER BY a.seq), '[]')
            FROM memo_attachments a
           WHERE a.organisation_id = m.organisation_id AND a.memo_id = m.id
             AND a.kind = 'table' AND a."table" IS NOT NULL) AS tables,
         (SELECT count(*)::int FROM memo_attachments a
           WHERE a.organisation_id = m.organisation_id AND a.memo_id = m.id
             AND a.kind = 'pdf' AND a.content IS NOT NULL) AS pdf_attachments
       FROM memos m
      WHERE m.id = $1 AND m.organisation_id = $2`,
    [memoId, organisationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    authorId: r.author_id,
    urgency: r.urgency,
    secrecy: r.secrecy,
    unitLine: r.unit_line,
    subject: r.subject,
    addressee: r.addressee,
    body: r.body,
    closing: r.closing,
    tables: r.tables,
    pdfAttachments: r.pdf_attachments,
  };
}

/** The uploaded PDFs a memo appends, in order: their bytes and titles. */
export async function readPdfAttachments(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<{ content: Buffer; title: string }[]> {
  return manager.query<{ content: Buffer; title: string }[]>(
    `SELECT content, title FROM memo_attachments
      WHERE organisation_id = $1 AND memo_id = $2 AND kind = 'pdf' AND content IS NOT NULL
      ORDER BY seq`,
    [organisationId, memoId],
  );
}
