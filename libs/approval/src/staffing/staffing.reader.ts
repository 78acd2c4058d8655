import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActingKind } from '@saraban/organisation';
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

const ORDER_COLUMNS = `ao.id, ao.person_id, ao.position_id, ao.kind, ao.from_date::text AS from_date,
  ao.to_date::text AS to_date, ao.reference`;

/** Reads who holds and who acts for posts on a Bangkok day (active people only), for the pure resolver. */
@Injectable()
export class StaffingReader {
  /** Everything needed to resolve these posts: holders, covering orders, and the acting people's own posts. */
  async forPositions(
    manager: EntityManager,
    organisationId: string,
    positionIds: readonly string[],
    day: string,
  ): Promise<Staffing> {
    const ids = [...new Set(positionIds)];
    const orders: OrderRow[] = await manager.query(
      `SELECT ${ORDER_COLUMNS} FROM acting_orders ao JOIN people p ON p.id = ao.person_id AND p.active
        WHERE ao.organisation_id = $1 AND ao.position_id = ANY($2::uuid[])
          AND ao.from_date <= $3::date AND (ao.to_date IS NULL OR ao.to_date >= $3::date)`,
      [organisationId, ids, day],
    );
    const actingPeople = [...new Set(orders.map((o) => o.person_id))];
    const holders: HolderRow[] = await manager.query(
      `SELECT pp.person_id, pp.position_id, pp."primary" FROM person_positions pp
         JOIN people p ON p.id = pp.person_id AND p.active
        WHERE pp.organisation_id = $1 AND (pp.position_id = ANY($2::uuid[]) OR pp.person_id = ANY($3::uuid[]))`,
      [organisationId, ids, actingPeople],
    );
    return {
      holders: holders.map(toHolder),
      actingOrders: orders.map(toOrder),
      positionTitles: await this.titles(manager, organisationId, [
        ...ids,
        ...holders.map((h) => h.position_id),
      ]),
    };
  }

  /** Every capacity a person holds on a day: their own posts and the posts their orders cover. */
  async capacitiesOf(
    manager: EntityManager,
    organisationId: string,
    personId: string,
    day: string,
  ): Promise<Capacity[]> {
    const [holders, orders] = await Promise.all([
      manager.query<HolderRow[]>(
        `SELECT person_id, position_id, "primary" FROM person_positions WHERE organisation_id = $1 AND person_id = $2`,
        [organisationId, personId],
      ),
      manager.query<OrderRow[]>(
        `SELECT ${ORDER_COLUMNS} FROM acting_orders ao
          WHERE ao.organisation_id = $1 AND ao.person_id = $2
            AND ao.from_date <= $3::date AND (ao.to_date IS NULL OR ao.to_date >= $3::date)`,
        [organisationId, personId, day],
      ),
    ]);
    const staffing: Staffing = {
      holders: holders.map(toHolder),
      actingOrders: orders.map(toOrder),
      positionTitles: await this.titles(manager, organisationId, [
        ...holders.map((h) => h.position_id),
        ...orders.map((o) => o.position_id),
      ]),
    };
    return capacitiesOf(personId, day, staffing);
  }

  private async titles(
    manager: EntityManager,
    organisationId: string,
    ids: string[],
  ): Promise<Map<string, string>> {
    const rows: { id: string; title: string }[] = await manager.query(
      'SELECT id, title FROM positions WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
      [organisationId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
