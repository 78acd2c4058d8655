import fontkit from '@pdf-lib/fontkit';
import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  PDFStream,
  beginText,
  concatTransformationMatrix,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import type { Color, PDFDocument, PDFPage } from 'pdf-lib';
import { parseToUnicode, streamText } from '../continuation/page-text.reader';

interface FontkitGlyphRun {
  glyphs: { id: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}
interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  layout(text: string): FontkitGlyphRun;
}

/** The document font as Chromium embedded it in one printed PDF: its object and the glyphs it holds. */
interface EmbeddedFace {
  ref: PDFRef;
  glyphs: Map<number, string>;
}

/**
 * Draws stamps (continuation words, labels) on a printed PDF with the font Chromium already
 * embedded in it, when that subset holds every glyph the text needs (it does for a continuation
 * word, which is printed on the next page): nothing is embedded, so the file does not grow and
 * no font is subset at save (pdf-lib's embedFont costs ~17 ms of CPU and a few kB a document).
 * Glyphs come from fontkit's shaping of the same font file (Chromium keeps the font's glyph ids:
 * CIDToGIDMap /Identity), placed with their GPOS offsets, inside an /ActualText span so that
 * the stamp reads back as typed. A text the subset cannot draw answers false: the caller
 * embeds a font for it.
 */
export class PrintedFont {
  private readonly font: FontkitFont;
  private readonly baseFont: RegExp;

  constructor(bytes: Uint8Array) {
    this.font = (fontkit as unknown as { create(b: Uint8Array): FontkitFont }).create(bytes);
    // A subset's name is six capitals, "+" and the font's PostScript name.
    this.baseFont = new RegExp(`^[A-Z]{6}\\+${this.font.postscriptName.replace(/[^A-Za-z0-9-]/g, '')}$`);
  }

  /** The text's advance at `size`, in points. */
  widthOfTextAtSize(text: string, size: number): number {
    const run = this.font.layout(drawn(text));
    return (run.positions.reduce((w, p) => w + p.xAdvance, 0) * size) / this.font.unitsPerEm;
  }

  /** Finds this font in a printed document (once per document). */
  find(pdf: PDFDocument): EmbeddedFace | null {
    for (const page of pdf.getPages()) {
      const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
      if (!fonts) continue;
      for (const [, value] of fonts.entries()) {
        if (!(value instanceof PDFRef)) continue;
        const dict = pdf.context.lookup(value);
        if (!(dict instanceof PDFDict)) continue;
        const name = dict.lookup(PDFName.of('BaseFont'));
        if (!(name instanceof PDFName) || !this.baseFont.test(name.decodeText())) continue;
        const toUnicode = dict.lookup(PDFName.of('ToUnicode'));
        if (!(toUnicode instanceof PDFStream)) return null;
        return { ref: value, glyphs: parseToUnicode(streamText(toUnicode)) };
      }
    }
    return null;
  }

  /**
   * Draws `text` with its left end at (x, y), turned `rotate` degrees anticlockwise about that
   * point; false, drawing nothing, if a glyph is not in the subset.
   */
  draw(
    page: PDFPage,
    face: EmbeddedFace,
    text: string,
    at: { x: number; y: number; size: number; color?: Color; rotate?: number },
  ): boolean {
    const run = this.font.layout(drawn(text));
    if (!run.glyphs.every((g) => face.glyphs.has(g.id))) return false;
    const key = page.node.newFontDictionary('Stamp', face.ref);
    const scale = at.size / this.font.unitsPerEm;
    const angle = ((at.rotate ?? 0) * Math.PI) / 180;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const ops: PDFOperator[] = [
      pushGraphicsState(),
      // The text is set from (0, 0) in a frame placed at (x, y) and turned.
      concatTransformationMatrix(cos, sin, -sin, cos, at.x, at.y),
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of('Span'),
        // A string operand is written as it is: the span's property list inline.
        `<</ActualText ${PDFHexString.fromText(text).toString()}>>`,
      ]),
      beginText(),
      setFillingColor(at.color ?? rgb(0, 0, 0)),
      setFontAndSize(key, at.size),
    ];
    let x = 0;
    run.glyphs.forEach((glyph, i) => {
      const p = run.positions[i];
      ops.push(
        setTextMatrix(1, 0, 0, 1, x + p.xOffset * scale, p.yOffset * scale),
        showText(PDFHexString.of(glyph.id.toString(16).padStart(4, '0'))),
      );
      x += p.xAdvance * scale;
    });
    ops.push(endText(), PDFOperator.of(PDFOperatorNames.EndMarkedContent), popGraphicsState());
    page.pushOperators(...ops);
    return true;
  }
}

/**
 * What is drawn for a text: "…" as three full stops, which a memo's own text almost always
 * holds (a continuation word ends with "…", whose glyph no memo prints); the ActualText span
 * still reads "…".
 */
function drawn(text: string): string {
  return text.replace(/\u2026/gu, '...');
}
