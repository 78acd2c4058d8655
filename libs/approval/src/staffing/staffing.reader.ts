import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActingKind } from '@saraban/organisation';
import { queryPrepared } from '@saraban/postgres';
import type { Capacity } from '../core/capacity';
import {
  capacitiesOf,
  type ActingOrderInput,
  type HolderInput,
  type Staffing,
} from '../core/who-may-act.util';

interface HolderRow {
  person_id: string;
  position_id: string;
  primary: boolean;
}

interface OrderRow {
  id: string;
  person_id: string;
  position_id: string;
  kind: ActingKind;
  from_date: string;
  to_date: string | null;
  reference: string;
}

function toHolder(r: HolderRow): HolderInput {
  return { personId: r.person_id, positionId: r.position_id, primary: r.primary };
}

function toOrder(r: OrderRow): ActingOrderInput {
  return {
    id: r.id,
    personId: r.person_id,
    positionId: r.position_id,
    kind: r.kind,
    fromDate: r.from_date,
    toDate: r.to_date,
    reference: r.reference,
  };
}

/** Staffing with "นายสมประสงค์ วีระวัฒน์" for each person in it. */
export interface StaffingWithNames extends Staffing {
  personNames: ReadonlyMap<string, string>;
}

/**
 * Everything needed to resolve a set of posts on a day, as rows of three kinds (holders,
 * covering orders with their people, and the posts' titles), for `staffingOf`. The three
 * arguments are SQL expressions: the organisation, the uuid[] of posts and the date, so that
 * the approval load can embed it with the posts of the memo's own route.
 */
export function staffingRowsSql(organisation: string, positions: string, day: string): string {
  return `orders AS (
  SELECT ao.id, ao.person_id, ao.position_id, ao.kind, ao.from_date::text AS from_date, ao.to_date::text AS to_date,
         ao.reference
    FROM acting_orders ao JOIN people p ON p.id = ao.person_id AND p.active
   WHERE ao.organisation_id = ${organisation} AND ao.position_id = ANY(${positions})
     AND ao.from_date <= ${day} AND (ao.to_date IS NULL OR ao.to_date >= ${day})
), holders AS (
  SELECT pp.person_id, pp.position_id, pp."primary" FROM person_positions pp JOIN people p ON p.id = pp.person_id AND p.active
   WHERE pp.organisation_id = ${organisation}
     AND (pp.position_id = ANY(${positions}) OR pp.person_id IN (SELECT person_id FROM orders))
), staffing AS (
  SELECT 'order' AS row_kind, o.id, o.person_id, o.position_id, o.kind, o.from_date, o.to_date, o.reference,
         false AS "primary", pos.title, pe.prefix || pe.full_name AS name
    FROM orders o JOIN positions pos ON pos.id = o.position_id JOIN people pe ON pe.id = o.person_id
  UNION ALL
  SELECT 'holder', NULL, h.person_id, h.position_id, NULL, NULL, NULL, NULL, h."primary", pos.title,
         pe.prefix || pe.full_name
    FROM holders h JOIN positions pos ON pos.id = h.position_id JOIN people pe ON pe.id = h.person_id
  UNION ALL
  SELECT 'position', NULL, NULL, pos.id, NULL, NULL, NULL, NULL, false, pos.title, NULL
    FROM positions pos WHERE pos.organisation_id = ${organisation} AND pos.id = ANY(${positions})
)`;
}

const STAFFING_SQL = `WITH ${staffingRowsSql('$1', '$2::uuid[]', '$3::date')} SELECT * FROM staffing`;

/** One row of `staffingRowsSql`. */
export type StaffingRow = OrderRow & {
  row_kind: 'order' | 'holder' | 'position';
  primary: boolean;
  title: string;
  name: string | null;
};

/** The staffing that rows of `staffingRowsSql` describe. */
export function staffingOf(rows: readonly StaffingRow[]): StaffingWithNames {
  return {
    holders: rows.filter((r) => r.row_kind === 'holder').map(toHolder),
    actingOrders: rows.filter((r) => r.row_kind === 'order').map(toOrder),
    positionTitles: new Map(rows.map((r) => [r.position_id, r.title])),
    personNames: new Map(
      rows.flatMap((r) => (r.person_id && r.name ? [[r.person_id, r.name] as const] : [])),
    ),
  };
}

/** Reads who holds and who acts for posts on a Bangkok day (active people only), for the pure resolver. */
@Injectable()
export class StaffingReader {
  /**
   * Everything needed to resolve these posts, in one round trip: holders, covering orders, the
   * acting people's own posts, every title involved, and the people's names as printed.
   */
  async forPositions(
    manager: EntityManager,
    organisationId: string,
    positionIds: readonly string[],
    day: string,
  ): Promise<StaffingWithNames> {
    const rows = await queryPrepared<StaffingRow>(manager, STAFFING_SQL, [
      organisationId,
      [...new Set(positionIds)],
      day,
    ]);
    return staffingOf(rows);
  }

  /**
   * Every capacity a person holds on a day: their own posts and the posts their orders cover.
   * One round trip (the inbox's first of two): holders and covering orders, with the titles.
   */
  async capacitiesOf(
    manager: EntityManager,
    organisationId: string,
    personId: string,
    day: string,
  ): Promise<Capacity[]> {
    const rows: (OrderRow & { own: boolean; primary: boolean; title: string })[] = await manager.query(
      `SELECT true AS own, NULL::uuid AS id, pp.person_id, pp.position_id, NULL AS kind, NULL AS from_date,
              NULL AS to_date, NULL AS reference, pp."primary", pos.title
         FROM person_positions pp JOIN positions pos ON pos.id = pp.position_id
        WHERE pp.organisation_id = $1 AND pp.person_id = $2
       UNION ALL
       SELECT false, ao.id, ao.person_id, ao.position_id, ao.kind, ao.from_date::text, ao.to_date::text, ao.reference,
              false, pos.title
         FROM acting_orders ao JOIN positions pos ON pos.id = ao.position_id
        WHERE ao.organisation_id = $1 AND ao.person_id = $2
          AND ao.from_date <= $3::date AND (ao.to_date IS NULL OR ao.to_date >= $3::date)`,
      [organisationId, personId, day],
    );
    const staffing: Staffing = {
      holders: rows.filter((r) => r.own).map(toHolder),
      actingOrders: rows.filter((r) => !r.own).map(toOrder),
      positionTitles: new Map(rows.map((r) => [r.position_id, r.title])),
    };
    return capacitiesOf(personId, day, staffing);
  }
}
