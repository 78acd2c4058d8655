import { ApiProperty } from '@nestjs/swagger';

/**
 * Where a decided memo's document stands: being made (render, sign), signed and waiting for the
 * portal, signed (not for publication), on the portal, or set aside after its jobs gave up.
 */
export const DOCUMENT_STATES = ['producing', 'publishing', 'signed', 'published', 'failed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** After a give-up: the reconciler retries at a set time, or a person must look first. */
export const FAILURE_NEXT_STEPS = ['automatic_retry', 'administrator'] as const;
export type FailureNextStep = (typeof FAILURE_NEXT_STEPS)[number];

export class DocumentRetryingView {
  @ApiProperty({ description: 'The last failure, for people (Thai)', example: 'สร้างไฟล์ PDF ไม่สำเร็จ' })
  reason: string;
  @ApiProperty({ description: 'Failed attempts so far' }) attempts: number;
}

export class DocumentSetAsideView {
  @ApiProperty({ description: 'For people (Thai)', example: 'เอกสารมีขนาดใหญ่เกินกว่าจะจัดทำได้' })
  reason: string;
  @ApiProperty({ description: 'When it last failed' }) failedAt: Date;
  @ApiProperty() attempts: number;
  @ApiProperty({ enum: FAILURE_NEXT_STEPS }) next: FailureNextStep;
  @ApiProperty({ nullable: true, type: Date, description: 'When the automatic retry is due' })
  nextRetryAt: Date | null;
}

export class DocumentPublicationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['published', 'withdrawn', 'replaced'] }) status: string;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ description: 'Its page on the public portal (path on this server)' }) portalUrl: string;
  @ApiProperty({ description: 'The signed PDF (path on this server)' }) pdfUrl: string;
}

export class DocumentStatusView {
  @ApiProperty({ enum: DOCUMENT_STATES }) state: DocumentState;
  @ApiProperty({ description: 'The decided memo version the document is made of' }) memoVersion: number;
  @ApiProperty() decidedAt: Date;
  @ApiProperty({ description: 'Marked for publication and decided with a go-ahead order' })
  shouldPublish: boolean;
  @ApiProperty({ nullable: true, type: Date }) signedAt: Date | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Printed under the QR code, once signed',
    example: 'PQRST23456',
  })
  verificationCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The verification page (path on this server)' })
  verifyUrl: string | null;
  @ApiProperty({ type: DocumentPublicationView, nullable: true })
  publication: DocumentPublicationView | null;
  @ApiProperty({
    type: DocumentRetryingView,
    nullable: true,
    description: 'Producing or publishing: an attempt failed and the jobs are retrying',
  })
  retrying: DocumentRetryingView | null;
  @ApiProperty({ type: DocumentSetAsideView, nullable: true, description: 'Failed: the jobs gave up' })
  failure: DocumentSetAsideView | null;
}

export class MemoDocumentView {
  @ApiProperty() memoId: string;
  @ApiProperty({ type: DocumentStatusView, nullable: true, description: 'Null until the memo is decided' })
  document: DocumentStatusView | null;
}

export class DocumentFailureView {
  @ApiProperty() memoId: string;
  @ApiProperty() memoVersion: number;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'นพ ๗๑๕๐๑/๙๓๕' }) documentNo: string | null;
  @ApiProperty({ enum: ['render', 'sign', 'publish'], description: 'The job that failed last' })
  stage: string;
  @ApiProperty({ example: 'DOCUMENT_RENDER_FAILED' }) errorCode: string;
  @ApiProperty({ description: 'For people (Thai)' }) reason: string;
  @ApiProperty({ description: 'For administrators: the underlying error' }) cause: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Date, description: 'When the jobs gave up; null while they retry' })
  setAsideAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) nextRetryAt: Date | null;
  @ApiProperty({
    enum: ['retrying', ...FAILURE_NEXT_STEPS],
    description: 'retrying: the jobs still retry on their own',
  })
  next: 'retrying' | FailureNextStep;
  @ApiProperty() firstFailedAt: Date;
  @ApiProperty() lastFailedAt: Date;
}

export class DocumentRetryView {
  @ApiProperty() memoId: string;
  @ApiProperty() memoVersion: number;
  @ApiProperty({
    enum: ['added', 'retried', 'exists'],
    description:
      'added: the flow was enqueued again; retried: its failed jobs were put back; exists: it is running',
  })
  outcome: 'added' | 'retried' | 'exists';
}

export class OverdueDocumentView {
  @ApiProperty() memoId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) documentNo: string | null;
  @ApiProperty({ type: DocumentStatusView }) document: DocumentStatusView;
}

export class OverdueDocumentsView {
  @ApiProperty({
    description: 'DOCUMENT_OVERDUE_MS: how long after the decision a document counts as overdue',
  })
  overdueAfterMs: number;
  @ApiProperty({ type: [OverdueDocumentView] }) items: OverdueDocumentView[];
}
