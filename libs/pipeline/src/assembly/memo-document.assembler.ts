import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrintedChainService, type PrintedSignature } from '@saraban/approval';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import type { MemoDocument } from '@saraban/document-render';
import { AppException, ErrorCode } from '@saraban/errors';
import { readMemoPrintContent, readPdfAttachments } from '@saraban/memo';
import { readOrganisationPrint, readSignatureImages } from '@saraban/organisation';
import type { ApprovalChainLine } from '@saraban/publication';
import { issuedNumberOfMemo } from '@saraban/register';
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
 * Resolves everything printed on a memo from the database into the renderer's view model, each
 * part from the library that owns it, in two lanes side by side (no more connections at once
 * than before): the memo, its organisation, its issued number and its uploaded PDFs one after
 * the other; the printed chain (the approval module's reading of the history) and then the
 * signature images of the people it prints.
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
    const m = this.db.manager;
    const [content, { printed, signatures }] = await Promise.all([
      (async () => {
        const memo = await readMemoPrintContent(m, organisationId, memoId);
        if (!memo) throw new AppException(ErrorCode.NotFound);
        const organisation = await readOrganisationPrint(m, organisationId);
        if (!organisation) throw new AppException(ErrorCode.NotFound);
        const issued = await issuedNumberOfMemo(m, organisationId, memoId);
        if (issued === null && verificationCode) {
          throw new AppException(ErrorCode.NotFound, { memoId }, 'บันทึกข้อความนี้ยังไม่มีเลขทะเบียน');
        }
        // Uploaded PDFs are appended whole: read only for the memos that have them.
        const pdfs = memo.pdfAttachments > 0 ? await readPdfAttachments(m, organisationId, memoId) : [];
        return { memo, organisation, issued, pdfs };
      })(),
      (async () => {
        const printed = await this.chain.printedChain(organisationId, memoId);
        const signers = [printed.author, ...printed.endorsements].flatMap((s) =>
          s.personId ? [s.personId] : [],
        );
        return { printed, signatures: await readSignatureImages(m, organisationId, signers) };
      })(),
    ]);
    const { memo, organisation, issued, pdfs } = content;
    const verification = verificationCode
      ? {
          url: `${organisation.publicUrl ?? this.config.PUBLIC_BASE_URL}/verify/${verificationCode}`,
          shortCode: verificationCode,
        }
      : null;
    const documentNo = issued?.documentNo ?? `${organisation.registerCode}/(ร่าง)`;
    const datedOn = issued?.datedOn ?? bangkokDateString(new Date());
    const signatureOf = (personId: string | null): Buffer | undefined =>
      personId ? signatures.get(personId) : undefined;

    const document: MemoDocument = {
      organisation: {
        name: organisation.name,
        digits: organisation.digits,
        emblemPng: organisation.emblemPng ?? undefined,
      },
      urgency: memo.urgency,
      secrecy: memo.secrecy,
      unitLine: memo.unitLine,
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
      pdfAttachments: pdfs.map((a) => a.content),
      pdfAttachmentTitles: pdfs.map((a) => a.title),
      verification: verification ?? undefined,
      layout: { justify: organisation.printJustify, continuationWord: organisation.printContinuationWord },
    };
    return {
      document,
      orgCode: organisation.code,
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
