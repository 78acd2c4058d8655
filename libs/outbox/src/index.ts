export * from './append-outbox-event.util';
export * from './outbox-event.entity';
export * from './outbox.repository';
