import type { RouteStep } from './route-step';

export interface ChainStepInput {
  seq: number;
  positionId: string;
}

export interface PositionInput {
  id: string;
  title: string;
  endorsementHeading: string | null;
}

/** The heading printed above an endorsement when the post has none of its own. */
export function defaultHeading(positionTitle: string, isDecisionMaker: boolean): string {
  return isDecisionMaker ? `ความเห็น/คำสั่ง${positionTitle}` : `ความเห็นของ${positionTitle}`;
}

/**
 * Freezes a unit's approval chain into a route. Chain `seq` values may have gaps (an admin
 * removed a rung); the route renumbers them 0..n-1 in order. Answers [] for an empty chain.
 */
export function buildRoute(
  chain: readonly ChainStepInput[],
  positions: readonly PositionInput[],
): RouteStep[] {
  const byId = new Map(positions.map((p) => [p.id, p]));
  const ordered = [...chain].sort((a, b) => a.seq - b.seq);
  return ordered.map((step, seq) => {
    const position = byId.get(step.positionId);
    if (!position) throw new Error(`chain step ${step.seq} names an unknown position ${step.positionId}`);
    return {
      seq,
      positionId: position.id,
      positionTitle: position.title,
      heading: position.endorsementHeading ?? defaultHeading(position.title, seq === ordered.length - 1),
    };
  });
}
