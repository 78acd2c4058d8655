export * from './thai-public-holidays.util';
export * from './working-amount';
export * from './working-calendar';
