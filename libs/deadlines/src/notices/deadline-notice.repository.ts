import type { EntityManager } from 'typeorm';
import type { DeadlineNoticeKind } from '../entities/deadline-notice.entity';

export interface NewDeadlineNotice {
  organisationId: string;
  memoId: string;
  kind: DeadlineNoticeKind;
  round: number;
  stepSeq: number;
  positionId: string;
  positionTitle: string;
  stepStartedAt: Date;
  dueAt: Date;
  recipientIds: string[];
  recipientNames: string[];
}

export interface DeadlineNoticeRow extends NewDeadlineNotice {
  id: string;
  createdAt: Date;
}

/** The SQL of deadline_notices and deadline_sweeps. */
export const deadlineNoticeRepository = {
  /**
   * Where the sweep of this kind stopped, locked until the caller's transaction ends; the first
   * sweep starts `initial`.
   */
  async lockSweep(m: EntityManager, kind: DeadlineNoticeKind, initial: Date): Promise<Date> {
    await m.query(
      'INSERT INTO deadline_sweeps (kind, swept_to) VALUES ($1, $2) ON CONFLICT (kind) DO NOTHING',
      [kind, initial],
    );
    const [row] = await m.query<{ swept_to: Date }[]>(
      'SELECT swept_to FROM deadline_sweeps WHERE kind = $1 FOR UPDATE',
      [kind],
    );
    return row.swept_to;
  },

  async advanceSweep(m: EntityManager, kind: DeadlineNoticeKind, to: Date): Promise<void> {
    await m.query('UPDATE deadline_sweeps SET swept_to = greatest(swept_to, $2) WHERE kind = $1', [kind, to]);
  },

  /** Writes the notice unless this step start already has one of its kind; answers whether it did. */
  async insertOnce(m: EntityManager, n: NewDeadlineNotice): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO deadline_notices (organisation_id, memo_id, kind, round, step_seq, position_id, position_title,
              step_started_at, due_at, recipient_ids, recipient_names)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11::text[])
       ON CONFLICT (memo_id, step_started_at, kind) DO NOTHING
       RETURNING id`,
      [
        n.organisationId,
        n.memoId,
        n.kind,
        n.round,
        n.stepSeq,
        n.positionId,
        n.positionTitle,
        n.stepStartedAt,
        n.dueAt,
        n.recipientIds,
        n.recipientNames,
      ],
    );
    return rows.length === 1;
  },

  /** A memo's notices, oldest first. */
  async ofMemo(m: EntityManager, organisationId: string, memoId: string): Promise<DeadlineNoticeRow[]> {
    const rows: {
      id: string;
      organisation_id: string;
      memo_id: string;
      kind: DeadlineNoticeKind;
      round: number;
      step_seq: number;
      position_id: string;
      position_title: string;
      step_started_at: Date;
      due_at: Date;
      recipient_ids: string[];
      recipient_names: string[];
      created_at: Date;
    }[] = await m.query(
      `SELECT id, organisation_id, memo_id, kind, round, step_seq, position_id, position_title, step_started_at,
              due_at, recipient_ids, recipient_names, created_at
         FROM deadline_notices WHERE organisation_id = $1 AND memo_id = $2 ORDER BY created_at, id`,
      [organisationId, memoId],
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      memoId: r.memo_id,
      kind: r.kind,
      round: r.round,
      stepSeq: r.step_seq,
      positionId: r.position_id,
      positionTitle: r.position_title,
      stepStartedAt: r.step_started_at,
      dueAt: r.due_at,
      recipientIds: r.recipient_ids,
      recipientNames: r.recipient_names,
      createdAt: r.created_at,
    }));
  },
};
