import { AppException, ErrorCode } from '@saraban/errors';
import { applyDigits, formatThaiDate, formatThaiShortDate } from '@saraban/thai-format';
import type { DigitStyle } from '@saraban/thai-format';
import type {
  MemoDocument,
  MemoDocumentBlock,
  MemoSecrecy,
  MemoSignature,
  MemoUrgency,
} from './memo-document';
import type { FontMetrics } from './typesetting/font-metrics';
import { isShortTable, tableFontSize, type TableFontSize } from './typesetting/table-fit.util';

/** What the templates see: every value already formatted, every image a data URL. */
export interface MemoView {
  digits: DigitStyle;
  organisationName: string;
  fontsHref: string;
  stylesheetHref: string;
  emblemSrc: string;
  urgencyLabel: string | null;
  unitLine: string;
  documentNo: string;
  dateText: string;
  subject: string;
  addressee: string;
  body: MemoBlockView[];
  closing: string;
  author: SignatureView;
  endorsements: EndorsementView[];
  /**
   * The endorsements in groups that print on one page: each alone, except the decision, which
   * shares its group with the endorsement before it.
   */
  endorsementGroups: EndorsementView[][];
  reportTables: ReportTableView[];
  /** "ตารางสรุปผล…" for each attachment in order, listed under the body as สิ่งที่ส่งมาด้วย. */
  attachmentList: string[];
  /** Thai distributed justification of body paragraphs (the organisation's setting). */
  justify: boolean;
}

/** The QR code and short link; placed on the last block of the document (see placeVerification). */
export interface VerificationView {
  url: string;
  shortCode: string;
  qrSrc: string;
}

export interface ReportTableView {
  title: string;
  columns: string[];
  rows: string[][];
  /** "สิ่งที่ส่งมาด้วย ๑", at the top right of the table's first page. */
  attachmentLabel: string;
  /** The largest size at which no word of the table breaks (table-fit.util). */
  fontSize: TableFontSize;
  /** Short enough to share a page with the table before it. */
  shareable: boolean;
}

export interface MemoBlockView {
  isHeading: boolean;
  isParagraph: boolean;
  isNumbered: boolean;
  text: string;
  items: { marker: string; text: string }[];
}

export interface SignatureView {
  name: string;
  positionLines: string[];
  signatureSrc: string | null;
  verification: VerificationView | null;
}

export interface EndorsementView {
  heading: string;
  text: string;
  signer: SignatureView;
  dateText: string;
}

export const URGENCY_LABELS: Record<MemoUrgency, string | null> = {
  normal: null,
  urgent: 'ด่วน',
  very_urgent: 'ด่วนมาก',
  most_urgent: 'ด่วนที่สุด',
};

export const SECRECY_LABELS: Record<MemoSecrecy, string | null> = {
  normal: null,
  confidential: 'ลับ',
  secret: 'ลับมาก',
  top_secret: 'ลับที่สุด',
};

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Only PNGs (checked by their signature, not by a name or a type someone declared) become
 * images: an uploaded file that is something else must not reach the browser as an image.
 */
export function pngDataUrl(png: Buffer, what: string): string {
  if (png.length < PNG_MAGIC.length || !png.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) {
    throw new AppException(ErrorCode.DocumentInvalid, { image: what }, `ไฟล์ภาพ${what}ต้องเป็น PNG`);
  }
  return `data:image/png;base64,${png.toString('base64')}`;
}

function signatureView(sig: MemoSignature, what: string): SignatureView {
  return {
    name: sig.name,
    positionLines: sig.positionLines,
    signatureSrc: sig.signaturePng ? pngDataUrl(sig.signaturePng, what) : null,
    verification: null,
  };
}

function blockView(block: MemoDocumentBlock, digits: DigitStyle): MemoBlockView {
  const empty = { isHeading: false, isParagraph: false, isNumbered: false, text: '', items: [] };
  switch (block.type) {
    case 'heading':
      return { ...empty, isHeading: true, text: block.text };
    case 'paragraph':
      return { ...empty, isParagraph: true, text: block.text };
    case 'numbered':
      return {
        ...empty,
        isNumbered: true,
        items: block.items.map((text, i) => ({ marker: `${applyDigits(String(i + 1), digits)}.`, text })),
      };
  }
}

export interface MemoViewAssets {
  fontsHref: string;
  stylesheetHref: string;
  /** Used when the organisation supplied no emblem. */
  emblemPlaceholderHref: string;
  /** The QR code of the verification link, as a data URL (absent without verification). */
  qrSrc: string | null;
  /** The document font's widths, to size report tables. */
  metrics: FontMetrics;
}

/**
 * Turns the document into the template context. Digits the system generates (dates, the
 * register number, item numbers) follow the organisation's setting; text people typed is
 * printed as they typed it.
 */
export function buildMemoView(doc: MemoDocument, assets: MemoViewAssets): MemoView {
  const digits = doc.organisation.digits;
  const view: MemoView = {
    digits,
    organisationName: doc.organisation.name,
    fontsHref: assets.fontsHref,
    stylesheetHref: assets.stylesheetHref,
    emblemSrc: doc.organisation.emblemPng
      ? pngDataUrl(doc.organisation.emblemPng, 'ตราครุฑ')
      : assets.emblemPlaceholderHref,
    urgencyLabel: URGENCY_LABELS[doc.urgency],
    unitLine: doc.unitLine,
    documentNo: applyDigits(doc.documentNo, digits),
    dateText: formatThaiDate(doc.date, digits),
    subject: doc.subject,
    addressee: doc.addressee,
    body: doc.body.map((b) => blockView(b, digits)),
    closing: doc.closing,
    author: signatureView(doc.author, 'ลายมือชื่อผู้เสนอ'),
    endorsements: doc.endorsements.map((e) => ({
      heading: e.heading,
      text: e.text,
      signer: signatureView(e.signer, `ลายมือชื่อของ ${e.signer.name}`),
      dateText: formatThaiShortDate(e.date, digits),
    })),
    endorsementGroups: [],
    reportTables: doc.reportTables.map((t, i) => ({
      title: t.title,
      columns: t.columns,
      rows: t.rows,
      attachmentLabel: attachmentLabel(i + 1, digits),
      fontSize: tableFontSize(assets.metrics, t.columns, t.rows),
      shareable: isShortTable(t.rows),
    })),
    attachmentList: [
      ...doc.reportTables.map((t) => t.title.split(/\r\n|\r|\n/).join(' ')),
      ...(doc.pdfAttachmentTitles ??
        doc.pdfAttachments.map((_, i) => `เอกสารแนบ ${applyDigits(String(i + 1), digits)}`)),
    ],
    justify: doc.layout?.justify ?? true,
  };
  view.endorsementGroups = groupEndorsements(view.endorsements);
  if (doc.verification && assets.qrSrc) {
    placeVerification(view, {
      url: doc.verification.url,
      shortCode: doc.verification.shortCode,
      qrSrc: assets.qrSrc,
    });
  }
  return view;
}

/** "สิ่งที่ส่งมาด้วย ๑": attachments are numbered in the memo's digits. */
export function attachmentLabel(n: number, digits: DigitStyle): string {
  return `สิ่งที่ส่งมาด้วย ${applyDigits(String(n), digits)}`;
}

/** Each endorsement alone, the last (the decision) with the one before it. */
function groupEndorsements(all: EndorsementView[]): EndorsementView[][] {
  if (all.length < 2) return all.map((e) => [e]);
  return [...all.slice(0, -2).map((e) => [e]), all.slice(-2)];
}

/**
 * The QR code goes on the memo's own last page (attachments follow it), in the empty left half
 * next to the last signature block (the last endorsement, or the author's), where it costs no
 * extra page.
 */
function placeVerification(view: MemoView, verification: VerificationView): void {
  const lastEndorsement = view.endorsements.at(-1);
  if (lastEndorsement) lastEndorsement.signer.verification = verification;
  else view.author.verification = verification;
}
