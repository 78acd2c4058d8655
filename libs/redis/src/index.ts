export * from './queue-connection.util';
export * from './redis.module';
export * from './redis.token';
export * from './scheduled-ticks';
