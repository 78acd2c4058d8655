import type { DigitStyle } from '@saraban/thai-format';

/** ชั้นความเร็ว: printed as a red stamp at the top of the first page. */
export type MemoUrgency = 'normal' | 'urgent' | 'very_urgent' | 'most_urgent';

/** ชั้นความลับ: printed as a red stamp at the top and bottom centre of every page. */
export type MemoSecrecy = 'normal' | 'confidential' | 'secret' | 'top_secret';

/** One block of the memo body, in reading order (the same shape as the memo library's MemoBlock). */
export type MemoDocumentBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'numbered'; items: string[] };

/**
 * Who signs a block: the printed name with its prefix ("นางสาวอมรรัตน์ วงศ์อุตติ", printed in
 * parentheses), the position lines as they are to be printed (an acting signer has two:
 * ["หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน", "ปลัดเทศบาลเมืองตากใบ"]) and the scanned
 * signature if the person uploaded one (PNG).
 */
export interface MemoSignature {
  name: string;
  positionLines: string[];
  signaturePng?: Buffer;
}

/** One endorsement (ความเห็น / คำสั่ง) written on the memo by a level of the chain. */
export interface MemoEndorsement {
  /** "ความเห็นของหัวหน้าสำนักปลัด", "ความเห็น/คำสั่งนายกเทศมนตรี" */
  heading: string;
  /**
   * The opinion or order; several lines become several paragraphs. Empty: an endorsement
   * given without a written opinion prints its heading and signature block alone.
   */
  text: string;
  signer: MemoSignature;
  /** Printed as the short date under the block: "๑๓ เม.ย. ๖๘". */
  date: Date;
}

/** A structured report that rides along as an attachment: printed on landscape pages. */
export interface MemoReportTable {
  title: string;
  columns: string[];
  /** Each row has one cell per column; a cell may hold several lines. */
  rows: string[][];
}

/** Where a reader can check the signed PDF: printed with a QR code on the last page. */
export interface MemoVerification {
  url: string;
  shortCode: string;
}

/**
 * Everything the renderer needs to print one memo, already resolved from the database:
 * no identifiers, no lookups, only what is printed. Every string is what a person typed or
 * what the system derived, and the templates escape all of it.
 */
export interface MemoDocument {
  organisation: {
    name: string;
    digits: DigitStyle;
    /** The Garuda emblem the organisation supplies (PNG); a placeholder is printed without it. */
    emblemPng?: Buffer;
  };
  urgency: MemoUrgency;
  secrecy: MemoSecrecy;
  /** ส่วนราชการ: "งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลคำพี่ โทร. ๐๔๒-๐๖๑-๒๒๖" */
  unitLine: string;
  /** ที่: "นพ ๗๑๕๐๑/๙๓๕"; its digits follow the organisation's setting. */
  documentNo: string;
  /** วันที่: printed as the full Thai date in Bangkok, "๕ มกราคม ๒๕๖๗". */
  date: Date;
  subject: string;
  addressee: string;
  body: MemoDocumentBlock[];
  /** "จึงเรียนมาเพื่อโปรดพิจารณา" */
  closing: string;
  author: MemoSignature;
  endorsements: MemoEndorsement[];
  reportTables: MemoReportTable[];
  /** Uploaded PDF attachments, appended after the rendered pages in this order. */
  pdfAttachments: Buffer[];
  /**
   * The uploaded PDFs' titles, as listed under สิ่งที่ส่งมาด้วย after the report tables' (one
   * per pdfAttachments entry); "เอกสารแนบ ๑"… without them.
   */
  pdfAttachmentTitles?: string[];
  verification?: MemoVerification;
  /** The organisation's layout settings; absent means the defaults. */
  layout?: MemoLayout;
}

/** How the organisation types its memos (organisation settings). */
export interface MemoLayout {
  /** Thai distributed justification of body paragraphs (default true). */
  justify: boolean;
  /** The continuation word at the foot of each page but the last (default true). */
  continuationWord?: boolean;
}
