import { AwayNotice } from './away-notice.entity';

/** The tables this library owns, for the data source (the class stays inside the library). */
export const AWAY_ENTITIES = [AwayNotice];
export { AWAY_STATUSES, type AwayStatus } from './away-notice.entity';
