export * from './atom-feed.util';
export type { PublicationStatus } from './entities/publication.entity';
// The entity class the tests still use; the others stay inside.
export {
  SignedDocument,
  type ApprovalChainLine,
  type SignedDocumentStage,
} from './entities/signed-document.entity';
export * from './oit/default-oit-catalogue';
export * from './oit/oit-catalogue.service';
export * from './publication.module';
export * from './publication.service';
export * from './verification.service';
export * from './document-relations.repository';
export * from './signed-document.repository';
