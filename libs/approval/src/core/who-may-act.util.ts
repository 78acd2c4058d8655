import type { ActingOrderView } from '@saraban/organisation';
import type { Capacity } from './capacity';

export interface HolderInput {
  personId: string;
  positionId: string;
  primary: boolean;
}

/** An acting order as the rule reads it: the organisation's order, without its bookkeeping. */
export type ActingOrderInput = Pick<
  ActingOrderView,
  'id' | 'personId' | 'positionId' | 'kind' | 'fromDate' | 'toDate' | 'reference'
>;

/** The facts needed to say who may act on a post on a day. Callers pass active people only. */
export interface Staffing {
  holders: readonly HolderInput[];
  actingOrders: readonly ActingOrderInput[];
  positionTitles: ReadonlyMap<string, string>;
}

export interface StepActor {
  personId: string;
  capacity: Capacity;
}

/**
 * actors: who may act now (never the author);
 * author_only: the post resolves to the author alone, so the step is skipped (and recorded);
 * stuck: nobody may act; the clerk or admin re-routes it.
 */
export type StepResolution =
  { kind: 'actors'; actors: StepActor[] } | { kind: 'author_only' } | { kind: 'stuck' };

export function orderCovers(order: Pick<ActingOrderInput, 'fromDate' | 'toDate'>, day: string): boolean {
  return order.fromDate <= day && (order.toDate === null || day <= order.toDate);
}

/** The person's own post for the "<own post> รักษาราชการแทน" line: the primary one, else any. */
function ownPositionTitle(personId: string, staffing: Staffing): string | null {
  const held = staffing.holders.filter((h) => h.personId === personId);
  const primary =
    held.find((h) => h.primary) ?? [...held].sort((a, b) => a.positionId.localeCompare(b.positionId))[0];
  return primary ? (staffing.positionTitles.get(primary.positionId) ?? null) : null;
}

/**
 * Everyone who may act for a post on a Bangkok day, each once: holders in their own right,
 * then people with a covering order. Holding the post beats an order; of several orders for
 * one person the latest-starting wins.
 */
export function actorsForPosition(
  step: { positionId: string; positionTitle: string },
  day: string,
  staffing: Staffing,
): StepActor[] {
  const actors = new Map<string, StepActor>();
  for (const h of staffing.holders) {
    if (h.positionId !== step.positionId || actors.has(h.personId)) continue;
    actors.set(h.personId, {
      personId: h.personId,
      capacity: {
        kind: 'own',
        stepPositionId: step.positionId,
        stepPositionTitle: step.positionTitle,
        ownPositionTitle: null,
        orderId: null,
        orderReference: null,
      },
    });
  }
  const orders = staffing.actingOrders
    .filter((o) => o.positionId === step.positionId && orderCovers(o, day))
    .sort((a, b) => b.fromDate.localeCompare(a.fromDate) || a.id.localeCompare(b.id));
  for (const o of orders) {
    if (actors.has(o.personId)) continue;
    actors.set(o.personId, {
      personId: o.personId,
      capacity: {
        kind: o.kind,
        stepPositionId: step.positionId,
        stepPositionTitle: step.positionTitle,
        ownPositionTitle: ownPositionTitle(o.personId, staffing),
        orderId: o.id,
        orderReference: o.reference,
      },
    });
  }
  return [...actors.values()];
}

/** Who may act on a memo's step: the author never endorses their own memo. */
export function resolveStep(
  step: { positionId: string; positionTitle: string },
  day: string,
  staffing: Staffing,
  authorId: string,
): StepResolution {
  const all = actorsForPosition(step, day, staffing);
  const others = all.filter((a) => a.personId !== authorId);
  if (others.length > 0) return { kind: 'actors', actors: others };
  return all.length > 0 ? { kind: 'author_only' } : { kind: 'stuck' };
}

/** Every post a person may act for on a day, with the capacity (for the inbox). */
export function capacitiesOf(personId: string, day: string, staffing: Staffing): Capacity[] {
  const positionIds = new Set<string>();
  for (const h of staffing.holders) if (h.personId === personId) positionIds.add(h.positionId);
  for (const o of staffing.actingOrders)
    if (o.personId === personId && orderCovers(o, day)) positionIds.add(o.positionId);
  const result: Capacity[] = [];
  for (const positionId of [...positionIds].sort()) {
    const title = staffing.positionTitles.get(positionId) ?? '';
    const mine = actorsForPosition({ positionId, positionTitle: title }, day, staffing).find(
      (a) => a.personId === personId,
    );
    if (mine) result.push(mine.capacity);
  }
  return result;
}
