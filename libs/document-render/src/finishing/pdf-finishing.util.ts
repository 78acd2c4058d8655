import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFObjectCopier, PDFPage, PDFPageLeaf, degrees, rgb } from 'pdf-lib';
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

/**
 * pdf-lib yields to the event loop every `objectsPerTick` objects while it parses and writes
 * (a timer each time): its defaults (100 parsing, 50 writing) cost a 3-page memo of ~300
 * objects about 17 ms of waiting per document, longer than the parse itself. 1,500 objects
 * between yields: a memo is read and written in one go, and a 60,000-cell table still lets
 * the worker's lock renewals and the API's other requests through every few milliseconds.
 * The printed file's metadata is Chromium's; finishPdf sets what the document says of itself.
 */
const OBJECTS_PER_TICK = 1500;

/** A PDF read for finishing (the printed memo, or an attachment). */
export function loadForFinishing(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
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
  const pdf = printed instanceof PDFDocument ? printed : await loadForFinishing(printed);
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
      source = await loadForFinishing(inert);
    } catch (err) {
      throw invalid(err, unreadable);
    }
    // Pages copied by reference with one copier: a link or /P naming another page of the
    // attachment lands on that page's copy (pdf.copyPages would give it a detached duplicate).
    const copier = PDFObjectCopier.for(source.context, pdf.context);
    const added: PDFPage[] = [];
    for (const original of source.getPages()) {
      const ref = copier.copy(original.ref);
      const node = pdf.context.lookup(ref);
      if (!(node instanceof PDFPageLeaf))
        throw invalid(new Error(`${ref.toString()} is not a page`), unreadable);
      // (pdf-lib wraps the page's own content in q … Q before the first stamp is drawn on it.)
      added.push(pdf.addPage(PDFPage.of(node, ref, pdf)));
    }
    await numberAttachment(pen, added, f.attachmentLabels?.[i], f.pageNumber);
  }

  if (f.secrecyLabel) {
    // Every page, the uploaded attachments' too: a secret document is secret to its last page.
    const red = rgb(0.82, 0, 0);
    const width = await pen.width('bold', f.secrecyLabel, 20);
    for (const page of pdf.getPages()) {
      const frame = new PageFrame(page);
      const x = (frame.width - width) / 2;
      await pen.draw(page, 'bold', f.secrecyLabel, {
        ...frame.at(x, frame.height - 0.8 * CM),
        size: 20,
        color: red,
      });
      await pen.draw(page, 'bold', f.secrecyLabel, { ...frame.at(x, 0.45 * CM), size: 20, color: red });
    }
  }

  pdf.setTitle(f.title, { showInWindowTitleBar: true });
  pdf.setAuthor(f.author);
  pdf.setCreator('Saraban Flow');
  pdf.setProducer('Saraban Flow');
  pdf.setLanguage('th-TH');
  // Classic cross-reference tables: signing appends an incremental update to this file.
  return Buffer.from(await pdf.save({ useObjectStreams: false, objectsPerTick: OBJECTS_PER_TICK }));
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
    const frame = new PageFrame(page);
    const y = frame.height - 1.1 * CM;
    if (j === 0 && label) {
      const w = await pen.width('bold', label, size);
      await pen.draw(page, 'bold', label, { ...frame.at(frame.width - 1.5 * CM - w, y), size });
    } else if (j > 0 && pageNumber) {
      const text = pageNumber(j + 1);
      const w = await pen.width('regular', text, size);
      await pen.draw(page, 'regular', text, { ...frame.at((frame.width - w) / 2, y), size });
    }
  }
}

/**
 * A page as a reader sees it: its visible box (the crop box, which need not start at 0, 0) turned
 * by its /Rotate. `at` maps a point of that upright view (origin at its lower left) to the
 * page's own coordinates, with the angle that makes text drawn there read upright.
 */
class PageFrame {
  readonly width: number;
  readonly height: number;
  private readonly box: { x: number; y: number; width: number; height: number };
  private readonly rotation: 0 | 90 | 180 | 270;

  constructor(page: PDFPage) {
    this.box = page.getCropBox();
    const r = ((page.getRotation().angle % 360) + 360) % 360;
    this.rotation = r === 90 || r === 180 || r === 270 ? r : 0;
    const turned = this.rotation === 90 || this.rotation === 270;
    this.width = turned ? this.box.height : this.box.width;
    this.height = turned ? this.box.width : this.box.height;
  }

  at(vx: number, vy: number): { x: number; y: number; rotate: number } {
    const { x, y, width: w, height: h } = this.box;
    switch (this.rotation) {
      case 0:
        return { x: x + vx, y: y + vy, rotate: 0 };
      case 90: // shown turned a quarter clockwise: the page's left edge is the top
        return { x: x + w - vy, y: y + vx, rotate: 90 };
      case 180:
        return { x: x + w - vx, y: y + h - vy, rotate: 180 };
      case 270:
        return { x: x + vy, y: y + h - vx, rotate: 270 };
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
    at: { x: number; y: number; size: number; color?: Color; rotate?: number },
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
    page.drawText(parts, {
      ...at,
      rotate: degrees(at.rotate ?? 0),
      font: await this.embeddedFont(face),
      color: at.color ?? rgb(0, 0, 0),
    });
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
