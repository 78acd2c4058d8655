import { createHash } from 'node:crypto';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { PRINT_LIMITS } from '@saraban/document-render';
import { AppException, ErrorCode } from '@saraban/errors';
import type { AttachmentInput } from './dto/attachment-input.schema';
import type { MemoAttachmentCreatedView } from './dto/memo-attachment-created.view';
import type { MemoAttachmentDetailView } from './dto/memo-attachment-detail.view';
import type { MemoAttachmentListView } from './dto/memo-attachment-list.view';
import { MemoAttachment, type ReportTable } from './entities/memo-attachment.entity';
import type { Memo } from './entities/memo.entity';
import { attachmentDetailView } from './internal/attachment-view';
import { listAttachmentViews, tableCellsOfMemo } from './internal/memo-attachment.repository';
import { MemoWriter } from './internal/memo-writer.service';
import { MEMO_LIMITS } from './memo-limits';
import { inertPdfUpload, inertStoredPdf } from './pdf-sniff.util';
import { checkReportTable, parseSpreadsheetTsv } from './report-table.util';

/** An uploaded PDF as the HTTP layer hands it over (the name and type are the client's word). */
export interface UploadedPdf {
  originalName: string;
  bytes: Buffer;
}

/** A PDF attachment's bytes with what a download needs. */
export interface PdfFile {
  filename: string;
  bytes: Buffer;
  sha256: string;
}

function fieldError(field: string, problem: string): AppException {
  return new AppException(ErrorCode.ValidationFailed, [{ field, problems: [problem] }]);
}

// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE_IN_FILENAME = /[\u0000-\u001f\u007f"]/g;

/** A name safe to store and to offer back in Content-Disposition: no directories, no controls, ends in .pdf. */
function cleanFilename(original: string, title: string): string {
  const base = path.basename(original.replace(/\\/g, '/')).replace(UNSAFE_IN_FILENAME, '').trim();
  const stem = (base || title).replace(/\.pdf$/i, '').slice(0, MEMO_LIMITS.filename - 4) || 'attachment';
  return `${stem}.pdf`;
}

/**
 * Attachments of a memo: uploaded PDFs and report tables. Each change happens only while the memo
 * is editable, bumps the memo version and keeps the previous attachment list in a revision.
 */
@Injectable()
export class MemoAttachmentService {
  constructor(
    private readonly db: DataSource,
    private readonly writer: MemoWriter,
  ) {}

  async addPdf(
    user: AuthUser,
    memoId: string,
    title: string,
    file: UploadedPdf,
    expectedVersion?: number,
  ): Promise<MemoAttachmentCreatedView> {
    // Checked before the transaction: the memo row stays locked only for the writes.
    await this.writer.loadEditable(this.db.manager, user, memoId, expectedVersion);
    // What is stored, and described by its size and hash, is the inert file.
    const { bytes, pageCount } = await inertPdfUpload(file.bytes);
    return this.add(user, memoId, expectedVersion, {
      kind: 'pdf',
      title,
      filename: cleanFilename(file.originalName, title),
      content: bytes,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pageCount,
      table: null,
    });
  }

  async addTable(
    user: AuthUser,
    memoId: string,
    dto: AttachmentInput<'table'>,
  ): Promise<MemoAttachmentCreatedView> {
    const structured = dto.columns !== undefined || dto.rows !== undefined;
    if (structured === (dto.tsv !== undefined)) {
      throw fieldError('tsv', 'ส่งตารางแบบใดแบบหนึ่ง: columns และ rows หรือ tsv ที่วางจากตารางคำนวณ');
    }
    let table: ReportTable;
    if (dto.tsv !== undefined) {
      table = parseSpreadsheetTsv(dto.tsv);
    } else {
      if (!dto.columns) throw fieldError('columns', 'ต้องระบุหัวตาราง (columns)');
      table = checkReportTable({ columns: dto.columns, rows: dto.rows ?? [] });
    }
    return this.add(user, memoId, dto.version, {
      kind: 'table',
      title: dto.title,
      filename: null,
      content: null,
      sizeBytes: 0,
      sha256: null,
      pageCount: null,
      table,
    });
  }

  async list(user: AuthUser, memoId: string): Promise<MemoAttachmentListView> {
    const manager = this.db.manager;
    const memo = await this.writer.loadReadable(manager, user, memoId);
    return {
      memoVersion: memo.version,
      attachments: await listAttachmentViews(manager, memo.organisationId, memo.id),
    };
  }

  async get(user: AuthUser, memoId: string, attachmentId: string): Promise<MemoAttachmentDetailView> {
    const manager = this.db.manager;
    const memo = await this.writer.loadReadable(manager, user, memoId);
    return attachmentDetailView(await this.findAttachment(manager, memo, attachmentId));
  }

  /** The PDF for download, always inert (see inertStoredPdf); its sha256 is that of the bytes served. */
  async readPdf(user: AuthUser, memoId: string, attachmentId: string): Promise<PdfFile> {
    const memo = await this.writer.loadReadable(this.db.manager, user, memoId);
    const stored = await this.readPdfForOrganisation(memo.organisationId, memo.id, attachmentId);
    const bytes = await inertStoredPdf(stored.bytes);
    return { ...stored, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** The PDF bytes for other libraries (the pipeline appends them); no access check beyond the organisation. */
  async readPdfForOrganisation(
    organisationId: string,
    memoId: string,
    attachmentId: string,
  ): Promise<PdfFile> {
    const row = await this.db.manager
      .createQueryBuilder(MemoAttachment, 'a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.memoId = :memoId AND a.organisationId = :organisationId', {
        attachmentId,
        memoId,
        organisationId,
      })
      .getOne();
    if (!row || row.kind !== 'pdf' || !row.content) {
      throw new AppException(ErrorCode.NotFound, { attachmentId }, 'ไม่พบไฟล์ PDF ของสิ่งที่แนบนี้');
    }
    return { filename: row.filename ?? `${row.id}.pdf`, bytes: row.content, sha256: row.sha256 ?? '' };
  }

  async remove(
    user: AuthUser,
    memoId: string,
    attachmentId: string,
    expectedVersion?: number,
  ): Promise<MemoAttachmentListView> {
    return this.db.transaction(async (manager) => {
      const memo = await this.writer.loadEditable(manager, user, memoId, expectedVersion);
      const target = await this.findAttachment(manager, memo, attachmentId);
      const { version } = await this.writer.commit(manager, user, memo);
      await manager.delete(MemoAttachment, { id: target.id, organisationId: memo.organisationId });
      await this.renumber(manager, memo, null);
      return {
        memoVersion: version,
        attachments: await listAttachmentViews(manager, memo.organisationId, memo.id),
      };
    });
  }

  async reorder(
    user: AuthUser,
    memoId: string,
    order: string[],
    expectedVersion?: number,
  ): Promise<MemoAttachmentListView> {
    return this.db.transaction(async (manager) => {
      const memo = await this.writer.loadEditable(manager, user, memoId, expectedVersion);
      const current = await listAttachmentViews(manager, memo.organisationId, memo.id);
      const ids = new Set(current.map((a) => a.id));
      if (order.length !== ids.size || !order.every((id) => ids.has(id))) {
        throw new AppException(
          ErrorCode.ValidationFailed,
          [{ field: 'order', problems: ['ต้องระบุรหัสสิ่งที่แนบทุกรายการของบันทึกนี้ รายการละหนึ่งครั้ง'] }],
          undefined,
        );
      }
      const { version } = await this.writer.commit(manager, user, memo);
      await this.renumber(manager, memo, order);
      return {
        memoVersion: version,
        attachments: await listAttachmentViews(manager, memo.organisationId, memo.id),
      };
    });
  }

  private async add(
    user: AuthUser,
    memoId: string,
    expectedVersion: number | undefined,
    fields: Omit<MemoAttachment, 'id' | 'memoId' | 'organisationId' | 'seq' | 'createdAt' | 'memo'>,
  ): Promise<MemoAttachmentCreatedView> {
    return this.db.transaction(async (manager) => {
      const memo = await this.writer.loadEditable(manager, user, memoId, expectedVersion);
      const count = await manager.count(MemoAttachment, {
        where: { memoId: memo.id, organisationId: memo.organisationId },
      });
      if (count >= MEMO_LIMITS.attachments) {
        throw fieldError('attachments', `แนบได้ไม่เกิน ${MEMO_LIMITS.attachments} รายการต่อบันทึก`);
      }
      if (fields.table) await this.checkPrintable(manager, memo, fields.table);
      const { version } = await this.writer.commit(manager, user, memo);
      const saved = await manager.save(
        manager.create(MemoAttachment, {
          ...fields,
          memoId: memo.id,
          organisationId: memo.organisationId,
          seq: count + 1,
        }),
      );
      return { memoVersion: version, attachment: attachmentDetailView(saved) };
    });
  }

  /**
   * The memo's tables together must stay within what the renderer prints (PRINT_LIMITS): a memo
   * that could not be printed is refused here, while it is a draft, not after its decision.
   */
  private async checkPrintable(manager: EntityManager, memo: Memo, table: ReportTable): Promise<void> {
    const cells =
      (await tableCellsOfMemo(manager, memo.organisationId, memo.id)) +
      table.columns.length * (table.rows.length + 1);
    if (cells > PRINT_LIMITS.tableCells) {
      throw fieldError(
        'rows',
        `ตารางทั้งหมดในบันทึกหนึ่งฉบับรวมกันได้ไม่เกิน ${PRINT_LIMITS.tableCells.toLocaleString('th-TH')} ช่อง (รวมแล้ว ${cells.toLocaleString('th-TH')} ช่อง) จึงจะพิมพ์เป็น PDF ได้`,
      );
    }
  }

  private async findAttachment(
    manager: EntityManager,
    memo: Memo,
    attachmentId: string,
  ): Promise<MemoAttachment> {
    const attachment = await manager.findOne(MemoAttachment, {
      where: { id: attachmentId, memoId: memo.id, organisationId: memo.organisationId },
    });
    if (!attachment) throw new AppException(ErrorCode.NotFound, { attachmentId });
    return attachment;
  }

  /** Gives seq 1..n in the given order, or closes the gaps in the current one. */
  private async renumber(manager: EntityManager, memo: Memo, order: string[] | null): Promise<void> {
    const ids = order ?? (await listAttachmentViews(manager, memo.organisationId, memo.id)).map((a) => a.id);
    for (const [i, id] of ids.entries()) {
      await manager.update(
        MemoAttachment,
        { id, memoId: memo.id, organisationId: memo.organisationId },
        { seq: i + 1 },
      );
    }
  }
}
