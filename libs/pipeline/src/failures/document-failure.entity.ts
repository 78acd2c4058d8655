import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A memo version whose document has failed to appear, with the last cause: while its jobs retry,
 * and after they gave up ("set aside") until the reconciler or an administrator tries again. The
 * row goes when the document is done, so a row here is always an outstanding problem.
 */
@Entity('document_failures')
@Index('document_failures_org_idx', ['organisationId', 'lastFailedAt'])
export class DocumentFailure {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'document_failures_pkey' })
  memoId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'document_failures_pkey' })
  memoVersion: number;

  @Column({ type: 'uuid' })
  organisationId: string;

  /** The job that failed last: render, sign or publish. */
  @Column({ type: 'text' })
  stage: string;

  /** The error code (DOCUMENT_RENDER_FAILED, DOCUMENT_TOO_LARGE…) or INTERNAL_ERROR. */
  @Column({ type: 'text' })
  errorCode: string;

  /** What people read (Thai). */
  @Column({ type: 'text' })
  reason: string;

  /** What operators read: the underlying error's message (Chromium's, PostgreSQL's…). */
  @Column({ type: 'text' })
  cause: string;

  /** Failed attempts in all. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Times the jobs gave up on it (each time, the next automatic retry waits longer). */
  @Column({ type: 'int', default: 0 })
  setAsideCount: number;

  /** When the jobs gave up (null while they still retry). */
  @Column({ type: 'timestamptz', nullable: true })
  setAsideAt: Date | null;

  /** When the reconciler tries again; null when set aside for a person (a permanent cause). */
  @Column({ type: 'timestamptz', nullable: true })
  nextRetryAt: Date | null;

  @Column({ type: 'timestamptz' })
  firstFailedAt: Date;

  @Column({ type: 'timestamptz' })
  lastFailedAt: Date;
}
