import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrintedChainService, type PrintedSignature } from '@saraban/approval';
import type { MemoDocument, MemoVerification } from '@saraban/document-render';
import { AppException, ErrorCode } from '@saraban/errors';
import { MemoAttachment, MemoDraftService } from '@saraban/memo';
import { Organisation, Person } from '@saraban/organisation';
import type { ApprovalChainLine } from '@saraban/publication';
import { RegisterEntry } from '@saraban/register';
import { bangkokDateString } from '@saraban/thai-format';

export interface AssembledMemo {
  document: MemoDocument;
  /** What the verification page will show, as printed. */
  chain: ApprovalChainLine[];
  subject: string;
  documentNo: string;
  datedOn: string;
  orderText: string | null;
  publish: boolean;
  oitItem: string | null;
  approved: boolean;
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

/** Resolves everything printed on a decided memo from the database into the renderer's view model. */
@Injectable()
export class MemoDocumentAssembler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly memos: MemoDraftService,
    private readonly chain: PrintedChainService,
  ) {}

  /**
   * `verification: null` prints a preview: a draft has no number yet (the ที่ line shows the
   * register code and "(ร่าง)"), today's date, and no QR code.
   */
  async assemble(
    organisationId: string,
    memoId: string,
    verification: MemoVerification | null,
  ): Promise<AssembledMemo> {
    const m = this.db.manager;
    const memo = await this.memos.getForOrganisation(organisationId, memoId);
    const org = await m
      .createQueryBuilder(Organisation, 'o')
      .addSelect('o.emblemPng')
      .where('o.id = :organisationId', { organisationId })
      .getOneOrFail();
    const entry = await m.findOne(RegisterEntry, {
      where: { organisationId, memoId, status: 'issued' },
      order: { registeredAt: 'DESC' },
    });
    if (!entry && verification) {
      throw new AppException(ErrorCode.NotFound, { memoId }, 'บันทึกข้อความนี้ยังไม่มีเลขทะเบียน');
    }
    const documentNo = entry?.documentNo ?? `${org.registerCode}/(ร่าง)`;
    const datedOn = entry?.datedOn ?? bangkokDateString(new Date());
    const printed = await this.chain.printedChain(organisationId, memoId);
    const signers = [printed.author, ...printed.endorsements].flatMap((p) =>
      p.personId ? [p.personId] : [],
    );
    const people = await m
      .createQueryBuilder(Person, 'p')
      .select(['p.id', 'p.signaturePng'])
      .where('p.id IN (:...ids) AND p.organisationId = :organisationId AND p.signaturePng IS NOT NULL', {
        ids: signers.length ? signers : ['00000000-0000-0000-0000-000000000000'],
        organisationId,
      })
      .getMany();
    const signatureOf = (personId: string | null): Buffer | undefined =>
      people.find((p) => p.id === personId)?.signaturePng ?? undefined;
    const attachments = await m
      .createQueryBuilder(MemoAttachment, 'a')
      .addSelect('a.content')
      .where('a.memoId = :memoId AND a.organisationId = :organisationId', { memoId, organisationId })
      .orderBy('a.seq', 'ASC')
      .getMany();

    const document: MemoDocument = {
      organisation: { name: org.name, digits: org.digits, emblemPng: org.emblemPng ?? undefined },
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
      reportTables: attachments
        .filter((a) => a.kind === 'table' && a.table)
        .map((a) => ({ title: a.title, columns: a.table!.columns, rows: a.table!.rows })),
      pdfAttachments: attachments.filter((a) => a.kind === 'pdf' && a.content).map((a) => a.content!),
      verification: verification ?? undefined,
    };
    const last = printed.endorsements.at(-1);
    return {
      document,
      chain: [
        chainLine('author', printed.author),
        ...printed.endorsements.map((e, i, all) =>
          chainLine(i === all.length - 1 && printed.decided ? 'decision' : 'endorsement', e),
        ),
      ],
      subject: memo.subject,
      documentNo,
      datedOn,
      orderText: printed.decided ? (last?.text ?? null) : null,
      publish: memo.publish,
      oitItem: memo.oitItem,
      approved: printed.approved,
    };
  }
}
