import { AppException, ErrorCode } from '@saraban/errors';
import { DocumentStep } from '../jobs/document-job';

/** What a failed job tells people (Thai) and operators (the underlying cause), and whether retrying can help. */
export interface FailureCause {
  errorCode: string;
  reason: string;
  cause: string;
  /** Retrying cannot help (the document itself is at fault): set aside for a person at once. */
  permanent: boolean;
}

const STAGE_REASON: Record<DocumentStep, string> = {
  [DocumentStep.Render]: 'สร้างไฟล์ PDF ไม่สำเร็จ',
  [DocumentStep.Sign]: 'ลงลายมือชื่ออิเล็กทรอนิกส์ไม่สำเร็จ',
  [DocumentStep.Publish]: 'เผยแพร่บนเว็บไซต์ไม่สำเร็จ',
};

const PERMANENT: readonly ErrorCode[] = [ErrorCode.DocumentTooLarge, ErrorCode.DocumentInvalid];

/** The innermost message: Chromium's, PostgreSQL's, pdf-lib's — not only the Thai wrapper. */
function underlying(err: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = err; e instanceof Error && messages.length < 5; e = e.cause) {
    const details = e instanceof AppException ? (e.details as { reason?: unknown } | undefined) : undefined;
    messages.push(typeof details?.reason === 'string' ? details.reason : e.message);
  }
  if (messages.length === 0) return String(err);
  return [...new Set(messages)].reverse().join(' ← ');
}

export function failureCause(stage: DocumentStep, err: unknown): FailureCause {
  if (err instanceof AppException) {
    return {
      errorCode: err.code,
      reason: err.message,
      cause: underlying(err),
      permanent: PERMANENT.includes(err.code),
    };
  }
  return {
    errorCode: ErrorCode.InternalError,
    reason: STAGE_REASON[stage],
    cause: underlying(err),
    permanent: false,
  };
}
