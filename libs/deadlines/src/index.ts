export * from './entities';
export * from './deadlines-api.module';
export * from './deadlines-worker.module';
export * from './schedule/deadline-job';
export * from './sweep/deadline-sweep.service';
export * from './timeline/deadline-notice.view';
export * from './timeline/deadline-timeline.service';
