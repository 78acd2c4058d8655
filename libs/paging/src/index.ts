export * from './page.query';
