export * from './prepared-query.util';
