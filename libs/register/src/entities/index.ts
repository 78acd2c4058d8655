export * from './register-counter.entity';
export * from './register-entry.entity';
