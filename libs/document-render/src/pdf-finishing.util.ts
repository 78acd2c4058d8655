import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFObjectCopier, PDFPage, PDFPageLeaf, rgb } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import { AppException, ErrorCode } from '@saraban/errors';
import { PdfSanitiseError, sanitisePdf } from '@saraban/pdf-sanitiser';

const CM = 72 / 2.54;

export interface PdfFinishing {
  /** The secrecy stamp ("ลับ", "ลับมาก", "ลับที่สุด") or null. */
  secrecyLabel: string | null;
  title: string;
  author: string;
  attachments: Buffer[];
  /** The bold document font (TrueType), for the stamps. */
  boldFont: Uint8Array;
  /** The continuation word to print at the foot of a page, by page index (continuation/). */
  continuation?: Map<number, string>;
  /** The regular document font (TrueType), for the continuation words. */
  regularFont?: Uint8Array;
}

/** Whether the printed PDF needs a pass through finishPdf at all (most memos do not). */
export function needsFinishing(
  f: Pick<PdfFinishing, 'secrecyLabel' | 'attachments' | 'continuation'>,
): boolean {
  return f.secrecyLabel !== null || f.attachments.length > 0 || (f.continuation?.size ?? 0) > 0;
}

/**
 * What a browser cannot print: the red secrecy stamp at the top and bottom centre of every
 * page (the top margin box already holds the page number, and one box has one colour), and
 * the uploaded PDF attachments appended. The stamps are real text in the document font.
 * Each attachment is made inert again (sanitisePdf) before it is appended: uploads are stored
 * inert, but rows stored before that are not.
 */
export async function finishPdf(printed: Uint8Array, f: PdfFinishing): Promise<Buffer> {
  const pdf = await PDFDocument.load(printed);
  if (f.continuation && f.continuation.size > 0 && f.regularFont) {
    // At the foot of the page, right-aligned on the text's right edge (2 cm), in the body's
    // font and size, inside the bottom margin (1.5 cm): the ink of its marks stays below the text.
    pdf.registerFontkit(fontkit);
    const regular = await pdf.embedFont(f.regularFont, { subset: true });
    const pages = pdf.getPages();
    for (const [index, word] of f.continuation) {
      const page = pages[index];
      if (!page) continue;
      const size = 16;
      // ำ drawn as its parts ํ + า (the same picture): the font's ำ glyph would be read back
      // as "ำา" by text extraction, ํ + า is read as typed.
      const text = word.replace(/\u0E33/gu, '\u0E4D\u0E32');
      const width = regular.widthOfTextAtSize(text, size);
      page.drawText(text, { x: page.getWidth() - 2 * CM - width, y: 0.55 * CM, size, font: regular });
    }
  }
  if (f.secrecyLabel) {
    pdf.registerFontkit(fontkit);
    const bold = await pdf.embedFont(f.boldFont, { subset: true });
    const red = rgb(0.82, 0, 0);
    for (const page of pdf.getPages()) {
      drawCentred(page, bold, f.secrecyLabel, 20, page.getHeight() - 0.8 * CM, red);
      drawCentred(page, bold, f.secrecyLabel, 20, 0.45 * CM, red);
    }
  }

  for (const [i, bytes] of f.attachments.entries()) {
    const invalid = (err: unknown, problem: string) =>
      new AppException(
        ErrorCode.DocumentInvalid,
        { attachment: i + 1, reason: err instanceof Error ? err.message : String(err) },
        `ไฟล์แนบลำดับที่ ${i + 1} ${problem}`,
      );
    const unreadable = 'ไม่ใช่ PDF ที่อ่านได้ หรือถูกเข้ารหัสไว้';
    let inert: Buffer;
    try {
      inert = await sanitisePdf(bytes);
    } catch (err) {
      // Anything else (qpdf missing) is the installation's fault, not the document's.
      if (!(err instanceof PdfSanitiseError)) throw err;
      throw invalid(err, err.reason === 'active_content' ? 'มีสคริปต์หรือคำสั่งแฝงที่ระบบนำออกไม่ได้' : unreadable);
    }
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(inert);
    } catch (err) {
      throw invalid(err, unreadable);
    }
    // Pages copied by reference with one copier: a link or /P naming another page of the
    // attachment lands on that page's copy (pdf.copyPages would give it a detached duplicate).
    const copier = PDFObjectCopier.for(source.context, pdf.context);
    for (const page of source.getPages()) {
      const ref = copier.copy(page.ref);
      const node = pdf.context.lookup(ref);
      if (!(node instanceof PDFPageLeaf))
        throw invalid(new Error(`${ref.toString()} is not a page`), unreadable);
      pdf.addPage(PDFPage.of(node, ref, pdf));
    }
  }

  pdf.setTitle(f.title, { showInWindowTitleBar: true });
  pdf.setAuthor(f.author);
  pdf.setCreator('Saraban Flow');
  pdf.setProducer('Saraban Flow');
  pdf.setLanguage('th-TH');
  // Classic cross-reference tables: signing appends an incremental update to this file.
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

function drawCentred(
  page: PDFPage,
  font: PDFFont,
  text: string,
  size: number,
  y: number,
  color = rgb(0, 0, 0),
): void {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color });
}
