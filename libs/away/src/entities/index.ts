// The entity class stays inside the library; the data source finds it by its file name.
export { AWAY_STATUSES, type AwayStatus } from './away-notice.entity';
