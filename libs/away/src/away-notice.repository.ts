import type { EntityManager } from 'typeorm';
import type { ActingKind } from '@saraban/organisation';
import type { AwayStatus } from './entities/away-notice.entity';

/** What a person asks for when going away: who covers, in what capacity, which days. */
export interface NewAwayNotice {
  organisationId: string;
  personId: string;
  actingPersonId: string;
  kind: ActingKind;
  fromDate: string;
  toDate: string;
  note: string | null;
}

export interface AwayNoticeRow extends NewAwayNotice {
  id: string;
  status: AwayStatus;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  organisation_id: string;
  person_id: string;
  acting_person_id: string;
  kind: ActingKind;
  from_date: string;
  to_date: string;
  note: string | null;
  status: AwayStatus;
  decided_by_id: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

function toRow(r: Row): AwayNoticeRow {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    personId: r.person_id,
    actingPersonId: r.acting_person_id,
    kind: r.kind,
    fromDate: r.from_date,
    toDate: r.to_date,
    note: r.note,
    status: r.status,
    decidedById: r.decided_by_id,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
  };
}

const SELECT = `SELECT a.id, a.organisation_id, a.person_id, a.acting_person_id, a.kind, a.from_date::text AS from_date,
       a.to_date::text AS to_date, a.note, a.status, a.decided_by_id, a.decided_at, a.decision_note, a.created_at
  FROM away_notices a`;

/** The SQL of away_notices. */
export const awayNoticeRepository = {
  async insert(m: EntityManager, n: NewAwayNotice): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO away_notices (organisation_id, person_id, acting_person_id, kind, from_date, to_date, note, status)
       VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, 'pending') RETURNING id`,
      [n.organisationId, n.personId, n.actingPersonId, n.kind, n.fromDate, n.toDate, n.note],
    );
    return row.id;
  },

  /** Serialises a person's notices (an advisory lock on the person for the transaction). */
  async lockPerson(m: EntityManager, personId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('away:' || $1))`, [personId]);
  },

  /** Whether the person has a pending or approved notice overlapping these days. */
  async overlaps(m: EntityManager, personId: string, fromDate: string, toDate: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM away_notices WHERE person_id = $1 AND status IN ('pending', 'approved')
          AND from_date <= $3::date AND to_date >= $2::date LIMIT 1`,
      [personId, fromDate, toDate],
    );
    return rows.length > 0;
  },

  /** Moves a notice from one status to another; null when it was not in `from` (someone else acted first). */
  async transition(
    m: EntityManager,
    organisationId: string,
    id: string,
    from: AwayStatus,
    to: AwayStatus,
    decision: { byId: string | null; note: string | null } | null,
  ): Promise<AwayNoticeRow | null> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not the rows.
    const rows: unknown[] = await m.query(
      `WITH moved AS (
         UPDATE away_notices SET status = $4,
                decided_by_id = CASE WHEN $5 THEN $6::uuid ELSE decided_by_id END,
                decided_at = CASE WHEN $5 THEN now() ELSE decided_at END,
                decision_note = CASE WHEN $5 THEN $7 ELSE decision_note END
          WHERE organisation_id = $1 AND id = $2 AND status = $3 RETURNING id
       ) SELECT id FROM moved`,
      [organisationId, id, from, to, decision !== null, decision?.byId ?? null, decision?.note ?? null],
    );
    if (rows.length === 0) return null;
    return this.find(m, organisationId, id);
  },

  async find(m: EntityManager, organisationId: string, id: string): Promise<AwayNoticeRow | null> {
    const rows: Row[] = await m.query(`${SELECT} WHERE a.organisation_id = $1 AND a.id = $2`, [
      organisationId,
      id,
    ]);
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** A person's notices, latest first. */
  async ofPerson(m: EntityManager, organisationId: string, personId: string): Promise<AwayNoticeRow[]> {
    const rows: Row[] = await m.query(
      `${SELECT} WHERE a.organisation_id = $1 AND a.person_id = $2 ORDER BY a.from_date DESC, a.created_at DESC LIMIT 100`,
      [organisationId, personId],
    );
    return rows.map(toRow);
  },

  /** An organisation's notices in a status, oldest first. */
  async ofOrganisation(
    m: EntityManager,
    organisationId: string,
    status: AwayStatus,
  ): Promise<AwayNoticeRow[]> {
    const rows: Row[] = await m.query(
      `${SELECT} WHERE a.organisation_id = $1 AND a.status = $2 ORDER BY a.from_date, a.created_at LIMIT 200`,
      [organisationId, status],
    );
    return rows.map(toRow);
  },
};
