import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  readCapacityRows,
  readStaffingRows,
  type ActingOrderRow,
  type StaffingRow,
} from '@saraban/organisation';
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

function toHolder(r: HolderRow): HolderInput {
  return { personId: r.person_id, positionId: r.position_id, primary: r.primary };
}

function toOrder(r: ActingOrderRow): ActingOrderInput {
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

/** The staffing that rows of the organisation's `staffingRowsSql` describe. */
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
    const rows = await readStaffingRows(manager, organisationId, positionIds, day);
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
    const rows = await readCapacityRows(manager, organisationId, personId, day);
    const staffing: Staffing = {
      holders: rows.filter((r) => r.own).map(toHolder),
      actingOrders: rows.filter((r) => !r.own).map(toOrder),
      positionTitles: new Map(rows.map((r) => [r.position_id, r.title])),
    };
    return capacitiesOf(personId, day, staffing);
  }
}
