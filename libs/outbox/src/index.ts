export * from './outbox.repository';
