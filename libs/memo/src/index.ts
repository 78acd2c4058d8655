export { type AttachmentKind, type ReportTable } from './entities/memo-attachment.entity';
export {
  EDITABLE_STATUSES,
  MEMO_COPY_KINDS,
  MEMO_PURPOSES,
  MEMO_STATUSES,
  SECRECIES,
  URGENCIES,
  type MemoCopy,
  type MemoPurpose,
  type MemoStatus,
  type Secrecy,
  type Urgency,
} from './entities/memo.entity';
export * from './memo-block';
export * from './memo-content';
export * from './memo-completeness.util';
export * from './memo-limits';
export * from './numbered-item.util';
export * from './memo.module';
export * from './memo-access.policy';
export * from './memo-draft.service';
export * from './memo-attachment.service';
export * from './pdf-sniff.util';
export * from './report-table.util';
export * from './dto/memo.view';
export * from './dto/memo-attachment.view';
export * from './dto/memo-attachment-detail.view';
export * from './dto/memo-person.view';
export * from './dto/memo-position.view';
export * from './dto/report-table.view';
export * from './memo-summary.repository';
export * from './memo-search.repository';
export * from './memo-labels';
export * from './memo-status.repository';
export * from './memo-print.repository';
export * from './memo-draft.schema';
export * from './memo-draft-schema.pipe';
