/**
 * One rung of a memo's route: the organisation's chain for the memo's unit, copied at
 * submission so that a later change to the chain does not move memos already under way.
 * The last step of a route is the decision maker.
 */
export interface RouteStep {
  /** 0-based place in the route. */
  seq: number;
  positionId: string;
  /** The post's title exactly as printed under a signature. */
  positionTitle: string;
  /** The endorsement's heading, e.g. "ความเห็นของหัวหน้าสำนักปลัด". */
  heading: string;
}
