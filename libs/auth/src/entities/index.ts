export * from './session.entity';
