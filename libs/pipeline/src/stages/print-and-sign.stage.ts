import { Injectable } from '@nestjs/common';
import { CertificateService } from '@saraban/certificates';
import { PdfRenderer } from '@saraban/document-render';
import { signPdf } from '@saraban/signing';
import type { AssembledMemo } from '../assembly/memo-document.assembler';

export interface PrintedAndSigned {
  pdf: Buffer;
  sha256: string;
  signedAt: Date;
  signerSubject: string;
}

/**
 * Prints the assembled memo and signs it at once, in memory: the unsigned PDF is never stored
 * nor read back (it is worth nothing on its own, and a kill before the signed one is stored
 * just prints it again). The organisation's key is looked up while Chromium prints.
 */
@Injectable()
export class PrintAndSignStage {
  constructor(
    private readonly renderer: PdfRenderer,
    private readonly certificates: CertificateService,
  ) {}

  async run(organisationId: string, memo: AssembledMemo): Promise<PrintedAndSigned> {
    const identity = this.certificates.identity(organisationId);
    identity.catch(() => undefined); // awaited below; a failed print must not leave it unhandled
    const printed = await this.renderer.render(memo.document, { orgCode: memo.orgCode });
    const key = await identity;
    const signedAt = new Date();
    const signed = await signPdf(printed, key, { signingTime: signedAt });
    return { pdf: signed.pdf, sha256: signed.sha256, signedAt, signerSubject: key.certificate.subject };
  }
}
