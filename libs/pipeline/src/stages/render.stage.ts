import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { Organisation } from '@saraban/organisation';
import { SignedDocument } from '@saraban/publication';
import { MemoDocumentAssembler } from '../assembly/memo-document.assembler';
import type { DocumentJobPayload } from '../jobs/document-job';

/** Short, unambiguous, case-insensitive: it is typed by hand from paper (no 0/O, 1/I/L). */
function verificationCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Prints the memo version to an unsigned PDF, once: a retry finds the stored output. */
@Injectable()
export class RenderStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assembler: MemoDocumentAssembler,
    private readonly renderer: PdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(p: DocumentJobPayload): Promise<{ documentId: string; rendered: boolean }> {
    const repo = this.db.getRepository(SignedDocument);
    const existing = await repo.findOne({ where: { memoId: p.memoId, memoVersion: p.memoVersion } });
    if (existing) return { documentId: existing.id, rendered: false };

    const code = verificationCode();
    const url = `${this.config.PUBLIC_BASE_URL}/verify/${code}`;
    const memo = await this.assembler.assemble(p.organisationId, p.memoId, { url, shortCode: code });
    const org = await this.db.getRepository(Organisation).findOneOrFail({ where: { id: p.organisationId } });
    const pdf = await this.renderer.render(memo.document, { orgCode: org.code });

    // Two workers may render the same version after a lapsed lock: the first insert wins.
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO signed_documents (organisation_id, memo_id, memo_version, verification_code, stage, unsigned_pdf,
                                     subject, document_no, dated_on, approval_chain)
       VALUES ($1, $2, $3, $4, 'rendered', $5, $6, $7, $8, $9)
       ON CONFLICT (memo_id, memo_version) DO NOTHING RETURNING id`,
      [
        p.organisationId,
        p.memoId,
        p.memoVersion,
        code,
        pdf,
        memo.subject,
        memo.documentNo,
        memo.datedOn,
        JSON.stringify(memo.chain),
      ],
    );
    if (inserted.length > 0) return { documentId: inserted[0].id, rendered: true };
    const winner = await repo.findOneOrFail({ where: { memoId: p.memoId, memoVersion: p.memoVersion } });
    return { documentId: winner.id, rendered: false };
  }
}
