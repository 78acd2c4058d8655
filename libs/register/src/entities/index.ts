export * from './register-counter.entity';
export * from './register-entry.entity';
export * from './register-number-change.entity';
