export * from './prepared-query.util';
export * from './thai-search.util';
