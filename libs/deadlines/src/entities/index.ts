import { DeadlineNotice } from './deadline-notice.entity';
import { DeadlineSweep } from './deadline-sweep.entity';

/** The tables this library owns, for the data source (the classes stay inside the library). */
export const DEADLINE_ENTITIES = [DeadlineNotice, DeadlineSweep];
export { DEADLINE_NOTICE_KINDS, type DeadlineNoticeKind } from './deadline-notice.entity';
