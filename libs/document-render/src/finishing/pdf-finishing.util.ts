import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFObjectCopier, PDFPage, PDFPageLeaf, rgb } from 'pdf-lib';
import type { Color, PDFFont } from 'pdf-lib';
import { AppException, ErrorCode } from '@saraban/errors';
import { PdfSanitiseError, sanitisePdf } from '@saraban/pdf-sanitiser';
import type { PrintedFont } from './printed-font';

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
  /** "สิ่งที่ส่งมาด้วย ๒" for each uploaded PDF (numbered after the report tables), printed on its first page. */
  attachmentLabels?: string[];
  /** A page number as the memo prints it ("-๒-"), for the attachments' own pages. */
  pageNumber?: (n: number) => string;
  /** The document fonts as the renderer knows them, to draw stamps with the subsets Chromium embedded (PrintedFont). */
  printedFonts?: { regular: PrintedFont; bold: PrintedFont };
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
export async function finishPdf(printed: Uint8Array | PDFDocument, f: PdfFinishing): Promise<Buffer> {
  const pdf = printed instanceof PDFDocument ? printed : await PDFDocument.load(printed);
  const pen = new StampPen(pdf, f);
  if (f.continuation && f.continuation.size > 0 && f.regularFont) {
    // At the foot of the page, right-aligned on the text's right edge (2 cm), in the body's
    // font and size, inside the bottom margin (1.5 cm): the ink of its marks stays below the text.
    const pages = pdf.getPages();
    for (const [index, word] of f.continuation) {
      const page = pages[index];
      if (!page) continue;
      const size = 16;
      const width = await pen.width('regular', word, size);
      await pen.draw(page, 'regular', word, { x: page.getWidth() - 2 * CM - width, y: 0.55 * CM, size });
    }
  }
  if (f.secrecyLabel) {
    const red = rgb(0.82, 0, 0);
    const width = await pen.width('bold', f.secrecyLabel, 20);
    for (const page of pdf.getPages()) {
      const x = (page.getWidth() - width) / 2;
      await pen.draw(page, 'bold', f.secrecyLabel, {
        x,
        y: page.getHeight() - 0.8 * CM,
        size: 20,
        color: red,
      });
      await pen.draw(page, 'bold', f.secrecyLabel, { x, y: 0.45 * CM, size: 20, color: red });
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
    const added: PDFPage[] = [];
    for (const page of source.getPages()) {
      const ref = copier.copy(page.ref);
      const node = pdf.context.lookup(ref);
      if (!(node instanceof PDFPageLeaf))
        throw invalid(new Error(`${ref.toString()} is not a page`), unreadable);
      added.push(pdf.addPage(PDFPage.of(node, ref, pdf)));
    }
    await numberAttachment(pen, added, f.attachmentLabels?.[i], f.pageNumber);
  }

  pdf.setTitle(f.title, { showInWindowTitleBar: true });
  pdf.setAuthor(f.author);
  pdf.setCreator('Saraban Flow');
  pdf.setProducer('Saraban Flow');
  pdf.setLanguage('th-TH');
  // Classic cross-reference tables: signing appends an incremental update to this file.
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/**
 * An uploaded PDF as an attachment of the memo: its label ("สิ่งที่ส่งมาด้วย ๒") at the top right
 * of its first page and its own page numbers ("-๒-", centred at the top) from its second, in
 * the top margin where the memo prints its own.
 */
async function numberAttachment(
  pen: StampPen,
  pages: PDFPage[],
  label: string | undefined,
  pageNumber: ((n: number) => string) | undefined,
): Promise<void> {
  const size = 16;
  for (const [j, page] of pages.entries()) {
    const { width, height } = page.getSize();
    const y = height - 1.1 * CM;
    if (j === 0 && label) {
      const w = await pen.width('bold', label, size);
      await pen.draw(page, 'bold', label, { x: width - 1.5 * CM - w, y, size });
    } else if (j > 0 && pageNumber) {
      const text = pageNumber(j + 1);
      const w = await pen.width('regular', text, size);
      await pen.draw(page, 'regular', text, { x: (width - w) / 2, y, size });
    }
  }
}

type Face = 'regular' | 'bold';

/**
 * Draws the stamps' text: in the font Chromium embedded in the document when its subset holds
 * every glyph (PrintedFont), else in the font embedded anew in this document.
 */
class StampPen {
  private readonly printed = new Map<Face, ReturnType<PrintedFont['find']>>();
  private readonly embedded = new Map<Face, PDFFont>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly f: PdfFinishing,
  ) {}

  async width(face: Face, text: string, size: number): Promise<number> {
    const printed = this.f.printedFonts?.[face];
    if (printed) return printed.widthOfTextAtSize(text, size);
    return (await this.embeddedFont(face)).widthOfTextAtSize(text, size);
  }

  async draw(
    page: PDFPage,
    face: Face,
    text: string,
    at: { x: number; y: number; size: number; color?: Color },
  ): Promise<void> {
    const printed = this.f.printedFonts?.[face];
    if (printed) {
      if (!this.printed.has(face)) this.printed.set(face, printed.find(this.pdf));
      const found = this.printed.get(face);
      if (found && printed.draw(page, found, text, at)) return;
    }
    // ำ drawn as its parts ํ + า (the same picture): pdf-lib's ำ glyph would be read back as
    // "ำา" by text extraction, ํ + า is read as typed.
    const parts = text.replace(/\u0E33/gu, '\u0E4D\u0E32');
    page.drawText(parts, { ...at, font: await this.embeddedFont(face), color: at.color ?? rgb(0, 0, 0) });
  }

  private async embeddedFont(face: Face): Promise<PDFFont> {
    let font = this.embedded.get(face);
    if (!font) {
      const bytes = face === 'bold' ? this.f.boldFont : (this.f.regularFont ?? this.f.boldFont);
      this.pdf.registerFontkit(fontkit);
      font = await this.pdf.embedFont(bytes, { subset: true });
      this.embedded.set(face, font);
    }
    return font;
  }
}
