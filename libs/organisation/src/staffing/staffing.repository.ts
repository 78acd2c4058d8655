import type { EntityManager } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';
import type { ActingKind } from '../entities/acting-order.entity';

/** A covering acting order, as the staffing statements answer it. */
export interface ActingOrderRow {
  id: string;
  person_id: string;
  position_id: string;
  kind: ActingKind;
  from_date: string;
  to_date: string | null;
  reference: string;
}

/** One row of `staffingRowsSql`: an order, a holder or a post's title. */
export type StaffingRow = ActingOrderRow & {
  row_kind: 'order' | 'holder' | 'position';
  primary: boolean;
  title: string;
  name: string | null;
};

/** One row of `readCapacityRows`: a post the person holds (`own`) or covers by an order. */
export type CapacityRow = ActingOrderRow & { own: boolean; primary: boolean; title: string };

/**
 * CTEs (`orders`, `holders`, `staffing`) answering everything needed to resolve a set of posts
 * on a day, as rows of three kinds (holders, covering orders with their people, and the posts'
 * titles): active people only. The three arguments are SQL expressions (the organisation, the
 * uuid[] of posts and the date), so that a caller can embed it in its own statement, e.g. the
 * approval load with the posts of the memo's own route, in one round trip.
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

/** The staffing rows of these posts on a Bangkok day (see `staffingRowsSql`), in one round trip. */
export function readStaffingRows(
  manager: EntityManager,
  organisationId: string,
  positionIds: readonly string[],
  day: string,
): Promise<StaffingRow[]> {
  return queryPrepared<StaffingRow>(manager, STAFFING_SQL, [organisationId, [...new Set(positionIds)], day]);
}

const CAPACITY_SQL = `SELECT true AS own, NULL::uuid AS id, pp.person_id, pp.position_id, NULL AS kind, NULL AS from_date,
            NULL AS to_date, NULL AS reference, pp."primary", pos.title
       FROM person_positions pp JOIN positions pos ON pos.id = pp.position_id
      WHERE pp.organisation_id = $1 AND pp.person_id = $2
     UNION ALL
     SELECT false, ao.id, ao.person_id, ao.position_id, ao.kind, ao.from_date::text, ao.to_date::text, ao.reference,
            false, pos.title
       FROM acting_orders ao JOIN positions pos ON pos.id = ao.position_id
      WHERE ao.organisation_id = $1 AND ao.person_id = $2
        AND ao.from_date <= $3::date AND (ao.to_date IS NULL OR ao.to_date >= $3::date)`;

/** Every post a person holds, and every post their orders cover on `day`, with the titles. */
export function readCapacityRows(
  manager: EntityManager,
  organisationId: string,
  personId: string,
  day: string,
): Promise<CapacityRow[]> {
  return queryPrepared<CapacityRow>(manager, CAPACITY_SQL, [organisationId, personId, day]);
}

/**
 * A statement (for a CTE) answering `position_id` for every post a person holds, or covers by
 * an acting order on `day`. Arguments are SQL expressions: organisation, person, date.
 */
export function heldOrCoveredPostsSql(organisation: string, person: string, day: string): string {
  return `SELECT position_id FROM person_positions WHERE organisation_id = ${organisation} AND person_id = ${person}
  UNION
  SELECT position_id FROM acting_orders
   WHERE organisation_id = ${organisation} AND person_id = ${person} AND from_date <= ${day} AND (to_date IS NULL OR to_date >= ${day})`;
}

/**
 * A statement (for a CTE) answering `(position_id, person_id)` for every active person who
 * holds a post, or covers it by an acting order on `day`.
 */
export function staffedPostsSql(organisation: string, day: string): string {
  return `SELECT ao.position_id, ao.person_id FROM acting_orders ao JOIN people p ON p.id = ao.person_id AND p.active
          WHERE ao.organisation_id = ${organisation} AND ao.from_date <= ${day} AND (ao.to_date IS NULL OR ao.to_date >= ${day})
         UNION
         SELECT pp.position_id, pp.person_id FROM person_positions pp JOIN people p ON p.id = pp.person_id AND p.active
          WHERE pp.organisation_id = ${organisation}`;
}

/** A scalar subquery: the person's name as printed ("นายสมประสงค์ วีระวัฒน์"), for a person id expression. */
export function personNameSql(person: string): string {
  return `(SELECT pe.prefix || pe.full_name FROM people pe WHERE pe.id = ${person})`;
}

/** A scalar subquery: a post's title, for a position id expression (null for a null id). */
export function positionTitleSql(position: string): string {
  return `(SELECT pos.title FROM positions pos WHERE pos.id = ${position})`;
}
