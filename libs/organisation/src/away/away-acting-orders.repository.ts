import type { EntityManager } from 'typeorm';
import type { ActingKind } from '../entities/acting-order.entity';

/** The acting orders an approved away notice makes: the acting person for each post the absent person holds. */
export interface AwayActingOrders {
  organisationId: string;
  awayNoticeId: string;
  actingPersonId: string;
  positionIds: readonly string[];
  kind: ActingKind;
  fromDate: string;
  toDate: string;
  reference: string;
}

export const awayActingOrdersRepository = {
  async insert(m: EntityManager, o: AwayActingOrders): Promise<number> {
    if (o.positionIds.length === 0) return 0;
    const rows: unknown[] = await m.query(
      `INSERT INTO acting_orders (organisation_id, person_id, position_id, kind, from_date, to_date, reference, away_notice_id)
       SELECT $1, $2, position_id, $4, $5::date, $6::date, $7, $8 FROM unnest($3::uuid[]) AS position_id
       RETURNING id`,
      [
        o.organisationId,
        o.actingPersonId,
        o.positionIds,
        o.kind,
        o.fromDate,
        o.toDate,
        o.reference,
        o.awayNoticeId,
      ],
    );
    return rows.length;
  },

  /**
   * Ends the orders of an away notice as of `today` (the person is back): orders not begun are
   * removed; begun ones end yesterday, so memos signed under them keep their order.
   */
  async end(m: EntityManager, organisationId: string, awayNoticeId: string, today: string): Promise<void> {
    await m.query(
      `DELETE FROM acting_orders WHERE organisation_id = $1 AND away_notice_id = $2 AND from_date >= $3::date`,
      [organisationId, awayNoticeId, today],
    );
    await m.query(
      `UPDATE acting_orders SET to_date = $3::date - 1
        WHERE organisation_id = $1 AND away_notice_id = $2 AND (to_date IS NULL OR to_date >= $3::date)`,
      [organisationId, awayNoticeId, today],
    );
  },

  /** The posts a person holds (their own, not those they act for). */
  async positionIdsHeldBy(m: EntityManager, organisationId: string, personId: string): Promise<string[]> {
    const rows: { position_id: string }[] = await m.query(
      `SELECT pp.position_id FROM person_positions pp JOIN positions pos ON pos.id = pp.position_id AND pos.active
        WHERE pp.organisation_id = $1 AND pp.person_id = $2 ORDER BY pp."primary" DESC, pos.title`,
      [organisationId, personId],
    );
    return rows.map((r) => r.position_id);
  },

  /** How many acting orders (still) stand for each away notice. */
  async countOfAway(
    m: EntityManager,
    organisationId: string,
    awayNoticeIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (awayNoticeIds.length === 0) return new Map();
    const rows: { away_notice_id: string; n: number }[] = await m.query(
      `SELECT away_notice_id, count(*)::int AS n FROM acting_orders
        WHERE organisation_id = $1 AND away_notice_id = ANY($2::uuid[]) GROUP BY away_notice_id`,
      [organisationId, awayNoticeIds],
    );
    return new Map(rows.map((r) => [r.away_notice_id, r.n]));
  },

  /** People's names as printed ("นายสมชาย ใจดี"), by id. */
  async personNames(
    m: EntityManager,
    organisationId: string,
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await m.query(
      `SELECT id, prefix || full_name AS name FROM people WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** An active person of the organisation, with the name as printed; null if none. */
  async activePerson(
    m: EntityManager,
    organisationId: string,
    personId: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await m.query(
      `SELECT id, prefix || full_name AS name FROM people WHERE organisation_id = $1 AND id = $2 AND active`,
      [organisationId, personId],
    );
    return rows[0] ?? null;
  },
};
