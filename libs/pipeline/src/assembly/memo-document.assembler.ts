import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrintedChainService, type PrintedSignature } from '@saraban/approval';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import type { MemoDocument } from '@saraban/document-render';
import { AppException, ErrorCode } from '@saraban/errors';
import type { ApprovalChainLine } from '@saraban/publication';
import { bangkokDateString } from '@saraban/thai-format';

export interface AssembledMemo {
  document: MemoDocument;
  /** The organisation's code: which template overrides print it. */
  orgCode: string;
  /** What the verification page will show, as printed. */
  chain: ApprovalChainLine[];
  subject: string;
  documentNo: string;
  datedOn: string;
}

/** Everything printed on the memo that is not the approval chain, in one row. */
interface MemoPrintRow {
  urgency: MemoDocument['urgency'];
  secrecy: MemoDocument['secrecy'];
  unit_line: string;
  subject: string;
  addressee: string;
  body: MemoDocument['body'];
  closing: string;
  org_code: string;
  org_name: string;
  digits: MemoDocument['organisation']['digits'];
  register_code: string;
  emblem_png: Buffer | null;
  public_url: string | null;
  print_justify: boolean;
  print_continuation_word: boolean;
  document_no: string | null;
  dated_on: string | null;
  /** People of the memo (author, everyone in its history) who uploaded a signature image. */
  signatures: { id: string; png: string }[];
  tables: { title: string; table: { columns: string[]; rows: string[][] } }[];
  pdf_attachments: number;
}

/**
 * One statement: the memo, its organisation (with the emblem), its issued register number,
 * the signature images of the people on it and its report tables. The author and everyone in
 * the memo's history are the possible signers; the chain picks the ones printed.
 */
const MEMO_PRINT_SQL = `
  SELECT m.urgency, m.secrecy, m.unit_line, m.subject, m.addressee, m.body, m.closing,
         o.code AS org_code, o.name AS org_name, o.digits, o.register_code, o.emblem_png,
         o.public_url, o.print_justify, o.print_continuation_word,
         e.document_no, e.dated_on::text AS dated_on,
         (SELECT coalesce(json_agg(json_build_object('id', p.id, 'png', encode(p.signature_png, 'base64'))), '[]')
            FROM people p
           WHERE p.organisation_id = m.organisation_id AND p.signature_png IS NOT NULL
             AND (p.id = m.author_id
                  OR p.id IN (SELECT h.actor_id FROM approval_history h
                               WHERE h.organisation_id = m.organisation_id AND h.memo_id = m.id))) AS signatures,
         (SELECT coalesce(json_agg(json_build_object('title', a.title, 'table', a."table") ORDER BY a.seq), '[]')
            FROM memo_attachments a
           WHERE a.organisation_id = m.organisation_id AND a.memo_id = m.id
             AND a.kind = 'table' AND a."table" IS NOT NULL) AS tables,
         (SELECT count(*)::int FROM memo_attachments a
           WHERE a.organisation_id = m.organisation_id AND a.memo_id = m.id
             AND a.kind = 'pdf' AND a.content IS NOT NULL) AS pdf_attachments
    FROM memos m
    JOIN organisations o ON o.id = m.organisation_id
    LEFT JOIN LATERAL (
      SELECT r.document_no, r.dated_on FROM register_entries r
       WHERE r.organisation_id = m.organisation_id AND r.memo_id = m.id AND r.status = 'issued'
       ORDER BY r.registered_at DESC LIMIT 1) e ON true
   WHERE m.id = $1 AND m.organisation_id = $2`;

function chainLine(role: ApprovalChainLine['role'], s: PrintedSignature): ApprovalChainLine {
  return {
    role,
    heading: s.heading,
    text: s.text,
    name: s.name,
    positionLines: s.positionLines,
    date: bangkokDateString(s.date),
  };
}

/**
 * Resolves everything printed on a memo from the database into the renderer's view model:
 * the printed chain (the approval module's reading of the history) and one statement for the
 * rest, side by side — two or three round trips instead of a dozen.
 */
@Injectable()
export class MemoDocumentAssembler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chain: PrintedChainService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `verificationCode` is the code of the verification page the print will have; its link is
   * built from the public address the organisation is served at (its own, or the deployment's
   * PUBLIC_BASE_URL). `null` prints a preview: a draft has no number yet (the ที่ line shows
   * the register code and "(ร่าง)"), today's date, and no QR code.
   */
  async assemble(
    organisationId: string,
    memoId: string,
    verificationCode: string | null,
  ): Promise<AssembledMemo> {
    const [rows, printed] = await Promise.all([
      this.db.query<MemoPrintRow[]>(MEMO_PRINT_SQL, [memoId, organisationId]),
      this.chain.printedChain(organisationId, memoId),
    ]);
    const memo = rows[0];
    if (!memo) throw new AppException(ErrorCode.NotFound);
    const verification = verificationCode
      ? {
          url: `${memo.public_url ?? this.config.PUBLIC_BASE_URL}/verify/${verificationCode}`,
          shortCode: verificationCode,
        }
      : null;
    if (memo.document_no === null && verification) {
      throw new AppException(ErrorCode.NotFound, { memoId }, 'บันทึกข้อความนี้ยังไม่มีเลขทะเบียน');
    }
    // Uploaded PDFs are appended whole: read only for the memos that have them.
    const pdfAttachments =
      memo.pdf_attachments > 0
        ? await this.db.query<{ content: Buffer; title: string }[]>(
            `SELECT content, title FROM memo_attachments
              WHERE organisation_id = $1 AND memo_id = $2 AND kind = 'pdf' AND content IS NOT NULL
              ORDER BY seq`,
            [organisationId, memoId],
          )
        : [];
    const documentNo = memo.document_no ?? `${memo.register_code}/(ร่าง)`;
    const datedOn = memo.dated_on ?? bangkokDateString(new Date());
    const signatures = new Map(memo.signatures.map((s) => [s.id, Buffer.from(s.png, 'base64')]));
    const signatureOf = (personId: string | null): Buffer | undefined =>
      personId ? signatures.get(personId) : undefined;

    const document: MemoDocument = {
      organisation: { name: memo.org_name, digits: memo.digits, emblemPng: memo.emblem_png ?? undefined },
      urgency: memo.urgency,
      secrecy: memo.secrecy,
      unitLine: memo.unit_line,
      documentNo,
      date: new Date(`${datedOn}T12:00:00+07:00`),
      subject: memo.subject,
      addressee: memo.addressee,
      body: memo.body,
      closing: memo.closing,
      author: {
        name: printed.author.name,
        positionLines: printed.author.positionLines,
        signaturePng: signatureOf(printed.author.personId),
      },
      endorsements: printed.endorsements.map((e) => ({
        heading: e.heading ?? '',
        text: e.text ?? '',
        signer: { name: e.name, positionLines: e.positionLines, signaturePng: signatureOf(e.personId) },
        date: e.date,
      })),
      reportTables: memo.tables.map((a) => ({
        title: a.title,
        columns: a.table.columns,
        rows: a.table.rows,
      })),
      pdfAttachments: pdfAttachments.map((a) => a.content),
      pdfAttachmentTitles: pdfAttachments.map((a) => a.title),
      verification: verification ?? undefined,
      layout: { justify: memo.print_justify, continuationWord: memo.print_continuation_word },
    };
    return {
      document,
      orgCode: memo.org_code,
      chain: [
        chainLine('author', printed.author),
        ...printed.endorsements.map((e, i, all) =>
          chainLine(i === all.length - 1 && printed.decided ? 'decision' : 'endorsement', e),
        ),
      ],
      subject: memo.subject,
      documentNo,
      datedOn,
    };
  }
}
