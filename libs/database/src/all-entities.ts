import { ApprovalHistoryEntry, ApprovalHistoryHead, IdempotencyKey, MemoWorkflow } from '@saraban/approval';
import { Session } from '@saraban/auth';
import { OrganisationCertificate } from '@saraban/certificates';
import { AWAY_ENTITIES } from '@saraban/away';
import { DEADLINE_ENTITIES } from '@saraban/deadlines';
import { Memo, MemoAttachment, MemoRevision } from '@saraban/memo';
import {
  ActingOrder,
  ApprovalChainStep,
  Organisation,
  Person,
  PersonPosition,
  Position,
  Unit,
} from '@saraban/organisation';
import { OutboxEvent } from '@saraban/outbox';
import { DocumentFailure } from '@saraban/pipeline';
import { OitCatalogueItem, Publication, SignedDocument } from '@saraban/publication';
import { RegisterCounter, RegisterEntry, RegisterNumberChange } from '@saraban/register';

/** Every entity of every library; the data source and the migration check use this list. */
export const ALL_ENTITIES = [
  Organisation,
  Unit,
  Position,
  Person,
  PersonPosition,
  ApprovalChainStep,
  ActingOrder,
  Session,
  Memo,
  MemoRevision,
  MemoAttachment,
  RegisterCounter,
  RegisterEntry,
  RegisterNumberChange,
  SignedDocument,
  Publication,
  OitCatalogueItem,
  OrganisationCertificate,
  MemoWorkflow,
  ApprovalHistoryEntry,
  ApprovalHistoryHead,
  IdempotencyKey,
  OutboxEvent,
  DocumentFailure,
  ...DEADLINE_ENTITIES,
  ...AWAY_ENTITIES,
];
