export * from './certificate.service';
export * from './certificate.repository';
export * from './certificate.view';
export * from './certificates.module';
export * from './entities/organisation-certificate.entity';
export { seal, sealingKey, unseal } from './sealing.util';
