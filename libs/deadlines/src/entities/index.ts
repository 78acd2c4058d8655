// The entity classes stay inside the library; the data source finds them by their file names.
export { DEADLINE_NOTICE_KINDS, type DeadlineNoticeKind } from './deadline-notice.entity';
