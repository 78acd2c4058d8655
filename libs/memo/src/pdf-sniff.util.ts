import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { AppException, ErrorCode } from '@saraban/errors';
import { PdfSanitiseError, sanitisePdf } from '@saraban/pdf-sanitiser';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** What the upload turned out to be. */
export interface SniffedPdf {
  pageCount: number;
}

function notPdf(reason: string, message: string): AppException {
  return new AppException(ErrorCode.UnsupportedMediaType, { reason }, message);
}

/**
 * Decides from the bytes alone whether an upload is a PDF the pipeline can append: it must start
 * with `%PDF-`, parse with pdf-lib, not be encrypted, and have a page. The name and the declared
 * Content-Type are the client's word and are ignored. Throws 415 UNSUPPORTED_MEDIA_TYPE otherwise.
 */
export async function sniffPdf(bytes: Buffer): Promise<SniffedPdf> {
  if (bytes.length < PDF_MAGIC.length || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw notPdf('not_pdf', 'ไฟล์นี้ไม่ใช่ PDF (รองรับเฉพาะไฟล์ PDF เท่านั้น)');
  }
  let pageCount: number;
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    pageCount = document.getPageCount();
  } catch (error: unknown) {
    if (error instanceof EncryptedPDFError) {
      throw notPdf('encrypted', 'ไฟล์ PDF นี้ถูกเข้ารหัสหรือล็อกไว้ กรุณาแนบไฟล์ที่ไม่ได้เข้ารหัส');
    }
    throw notPdf('unreadable', 'ไฟล์ PDF นี้เสียหรืออ่านไม่ได้');
  }
  if (pageCount < 1) throw notPdf('no_pages', 'ไฟล์ PDF นี้ไม่มีหน้าเอกสาร');
  return { pageCount };
}

/** An upload as it is stored: the inert file and what it holds. */
export interface InertPdf {
  bytes: Buffer;
  pageCount: number;
}

/**
 * The upload checked (sniffPdf), made inert (sanitisePdf: no scripts, launches, embedded files,
 * forms...) and checked again: what is stored, offered for download and appended to the memo.
 * Throws 415 UNSUPPORTED_MEDIA_TYPE: `unreadable` for what qpdf cannot read either, `active_content`
 * for a file that keeps active content where the sanitiser does not reach.
 */
export async function inertPdfUpload(bytes: Buffer): Promise<InertPdf> {
  await sniffPdf(bytes);
  let inert: Buffer;
  try {
    inert = await sanitisePdf(bytes);
  } catch (error: unknown) {
    if (!(error instanceof PdfSanitiseError)) throw error;
    if (error.reason === 'active_content') {
      throw notPdf(
        'active_content',
        'ไฟล์ PDF นี้มีสคริปต์หรือคำสั่งแฝงที่ระบบนำออกไม่ได้ กรุณาบันทึกเป็น PDF ใหม่ (สั่งพิมพ์เป็น PDF) แล้วแนบอีกครั้ง',
      );
    }
    throw notPdf('unreadable', 'ไฟล์ PDF นี้เสียหรืออ่านไม่ได้');
  }
  const { pageCount } = await sniffPdf(inert);
  return { bytes: inert, pageCount };
}

/**
 * A stored attachment as it may be downloaded. Rows stored before uploads were sanitised hold
 * the file as it came, so it is sanitised again; sanitising is deterministic, so a file stored
 * inert comes back byte for byte. Throws 422 DOCUMENT_INVALID when it cannot be made inert.
 */
export async function inertStoredPdf(bytes: Buffer): Promise<Buffer> {
  try {
    return await sanitisePdf(bytes);
  } catch (error: unknown) {
    if (!(error instanceof PdfSanitiseError)) throw error;
    throw new AppException(
      ErrorCode.DocumentInvalid,
      { reason: error.reason },
      'ไฟล์แนบนี้ถูกเก็บไว้ก่อนระบบตรวจไฟล์ และไม่สามารถทำให้ปลอดภัยได้ กรุณาแนบไฟล์ใหม่',
    );
  }
}
