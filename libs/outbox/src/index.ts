export * from './append-outbox-event.util';
export * from './outbox.repository';
