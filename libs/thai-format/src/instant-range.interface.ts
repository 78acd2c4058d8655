/**
 * A half-open span of time [start, end): `start` is included, `end` is NOT. Half-open
 * ranges tile without gaps or overlaps, and translate directly into
 * `WHERE t >= :start AND t < :end` (no 23:59:59.999 fudge that loses sub-millisecond
 * timestamps in Postgres).
 */
export interface InstantRange {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}
