export * from './certificate.service';
export * from './certificate.repository';
export * from './certificate.view';
export * from './certificates.module';
export { seal, sealingKey, unseal } from './sealing.util';
export * from './certificate-input.schema';
