export * from './atom-feed.util';
export type { PublicationStatus } from './entities/publication.entity';
// Entity classes stay inside; these types of a signed document are public.
export type { ApprovalChainLine, SignedDocumentStage } from './entities/signed-document.entity';
export * from './oit/default-oit-catalogue';
export * from './oit/oit-catalogue.service';
export * from './public-listing';
export * from './publication.module';
export * from './publication.service';
export * from './verification.service';
export * from './document-relations.repository';
export * from './signed-document.repository';
export * from './dto/publication-input.schema';
