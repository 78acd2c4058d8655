export * from './atom-feed.util';
export * from './entities';
export * from './oit/default-oit-catalogue';
export * from './oit/oit-catalogue.service';
export * from './publication.module';
export * from './publication.service';
export * from './verification.service';
