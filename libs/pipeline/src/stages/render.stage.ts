import { Injectable } from '@nestjs/common';
import { PdfRenderer } from '@saraban/document-render';
import type { ApprovalChainLine } from '@saraban/publication';
import { MemoDocumentAssembler } from '../assembly/memo-document.assembler';
import type { DocumentJobPayload } from '../jobs/document-job';
import { verificationCode } from './verification-code.util';

/** A memo version as printed, in memory, on its way to its signature. */
export interface PrintedMemo {
  pdf: Buffer;
  /** The code of the verification page printed on it (QR code and short link). */
  verificationCode: string;
  /** As printed on the document. */
  subject: string;
  documentNo: string;
  datedOn: string;
  chain: ApprovalChainLine[];
}

/**
 * The first step: prints the memo version, with the QR code and short link of the verification
 * page it will have. Nothing is stored: the sign step stores the print once it is signed, so a
 * document costs one write of its PDF.
 */
@Injectable()
export class RenderStage {
  constructor(
    private readonly assembler: MemoDocumentAssembler,
    private readonly renderer: PdfRenderer,
  ) {}

  async run(p: DocumentJobPayload): Promise<PrintedMemo> {
    const code = verificationCode();
    const memo = await this.assembler.assemble(p.organisationId, p.memoId, code);
    // A large document waits in the queue while another one prints, rather than in a job slot.
    const pdf = await this.renderer.render(memo.document, {
      orgCode: memo.orgCode,
      whenHeavyLaneBusy: 'refuse',
    });
    return {
      pdf,
      verificationCode: code,
      subject: memo.subject,
      documentNo: memo.documentNo,
      datedOn: memo.datedOn,
      chain: memo.chain,
    };
  }
}
