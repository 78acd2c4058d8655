export * from './pdf-sanitise.error';
export * from './pdf-sanitiser.util';
