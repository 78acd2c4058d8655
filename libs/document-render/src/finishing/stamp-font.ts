import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFObjectCopier, degrees, drawText, rgb } from 'pdf-lib';
import type { Color, PDFFont, PDFPage, PDFRef } from 'pdf-lib';

/**
 * One consonant of each shape the shaper treats apart: plain (ก), with an ascender (ป ฝ ฟ ฬ,
 * whose marks shift left), with a descender (ฎ ฏ ฤ ฦ, whose lower vowels drop) and with a tail
 * the lower vowels replace (ญ ฐ).
 */
const CONSONANTS = ['ก', 'ป', 'ฝ', 'ฟ', 'ฬ', 'ฎ', 'ฏ', 'ฤ', 'ฦ', 'ญ', 'ฐ'];
const UPPER_VOWELS = ['', '\u0E31', '\u0E34', '\u0E35', '\u0E36', '\u0E37', '\u0E47', '\u0E4D'];
const LOWER_VOWELS = ['\u0E38', '\u0E39', '\u0E3A'];
const TONES = ['', '\u0E48', '\u0E49', '\u0E4A', '\u0E4B', '\u0E4C'];
const THAI_BLOCK = Array.from({ length: 0x0e5b - 0x0e01 + 1 }, (_, i) =>
  String.fromCharCode(0x0e01 + i),
).join('');
const ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/**
 * The clusters Thai text can make, so that the shaper's contextual forms (a tone mark lowered
 * over a consonant without an upper vowel, ป/ฝ/ฟ's shifted marks, ญ/ฐ without their tails over
 * a lower vowel) are in the subset: each shape of consonant with each upper vowel and tone, and
 * with each lower vowel and tone; then the whole Thai block, ASCII and "…". A word that still
 * needs another glyph is drawn with the font embedded in its document (StampFont.encode).
 */
export function thaiRepertoire(): string[] {
  const clusters: string[] = [THAI_BLOCK, ASCII, '…'];
  for (const c of CONSONANTS) {
    for (const v of UPPER_VOWELS) for (const t of TONES) clusters.push(c + v + t, `${c + v + t}\u0E32`);
    for (const v of LOWER_VOWELS) for (const t of TONES) clusters.push(c + v + t);
    clusters.push(`${c}\u0E33`, `${c}\u0E48\u0E33`, `${c}\u0E49\u0E33`);
  }
  return clusters;
}

/** The Thai block, ASCII and "…" alone: enough for fixed labels in bold. */
export function labelRepertoire(): string[] {
  return [THAI_BLOCK, ASCII, '…'];
}

/**
 * A font for the stamps the finishing pass draws on printed pages (continuation words, the
 * secrecy label, attachment labels), embedded once per renderer: pdf-lib subsets a font when it
 * saves a document, which costs ~17 ms of CPU for a continuation word; here the subset is made
 * once, at start, from the whole Thai repertoire, and each document gets a copy of its objects.
 * A text whose shaping needs a glyph outside the subset (a cluster no Thai word makes) answers
 * null, and the caller embeds the font in that document as before.
 */
export class StampFont {
  private source?: PDFDocument;
  private font?: PDFFont;
  /** Glyphs in the embedded subset: codes from 0 to this − 1. */
  private glyphs = 0;
  /** Settles when the subset is embedded (or could not be: then every text answers null). */
  readonly ready: Promise<void>;

  private constructor(bytes: Uint8Array, repertoire: string[]) {
    this.ready = this.build(bytes, repertoire).catch(() => undefined);
  }

  /**
   * Starts building the subset and answers at once: shaping the repertoire takes fontkit about
   * half a second, done in slices that leave the event loop free; until it is done, encode()
   * answers null and documents embed their own font.
   */
  static prepare(bytes: Uint8Array, repertoire: string[] = thaiRepertoire()): StampFont {
    return new StampFont(bytes, repertoire);
  }

  /** A StampFont whose subset is built. */
  static async create(bytes: Uint8Array, repertoire: string[] = thaiRepertoire()): Promise<StampFont> {
    const font = StampFont.prepare(bytes, repertoire);
    await font.ready;
    return font;
  }

  private async build(bytes: Uint8Array, repertoire: string[]): Promise<void> {
    const source = await PDFDocument.create();
    source.registerFontkit(fontkit);
    const font = await source.embedFont(bytes, { subset: true });
    let highest = 0;
    // A space between clusters keeps each one's contextual forms its own.
    for (let i = 0; i < repertoire.length; i += SLICE) {
      const codesOfSlice = codes(font.encodeText(repertoire.slice(i, i + SLICE).join(' ')));
      highest = Math.max(highest, ...codesOfSlice);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Writes the subset (of the glyphs encoded so far) into the source document's objects.
    await font.embed();
    this.source = source;
    this.font = font;
    this.glyphs = highest + 1;
  }

  /** The text's glyph codes in this font, or null if one is outside the embedded subset (or it is not built yet). */
  encode(text: string): PDFHexString | null {
    if (!this.font) return null;
    const hex = this.font.encodeText(text);
    return codes(hex).every((c) => c < this.glyphs) ? hex : null;
  }

  /** Only for a text encode() accepted. */
  widthOfTextAtSize(text: string, size: number): number {
    if (!this.font) throw new Error('the stamp font is not built yet');
    return this.font.widthOfTextAtSize(text, size);
  }

  /** The font's objects copied into `pdf` (once per document: pass the ref to drawStamp()). */
  copyInto(pdf: PDFDocument): PDFRef {
    if (!this.source || !this.font) throw new Error('the stamp font is not built yet');
    return PDFObjectCopier.for(this.source.context, pdf.context).copy(this.font.ref);
  }
}

/** Clusters shaped per event-loop turn while a StampFont is built (~20 ms each). */
const SLICE = 100;

/** Draws encoded text on a page with a font copied into its document (StampFont.copyInto). */
export function drawStamp(
  page: PDFPage,
  fontRef: PDFRef,
  text: PDFHexString,
  at: { x: number; y: number; size: number; color?: Color },
): void {
  const key = page.node.newFontDictionary('Stamp', fontRef);
  page.pushOperators(
    ...drawText(text, {
      color: at.color ?? rgb(0, 0, 0),
      font: key,
      size: at.size,
      rotate: degrees(0),
      xSkew: degrees(0),
      ySkew: degrees(0),
      x: at.x,
      y: at.y,
    }),
  );
}

function codes(hex: PDFHexString): number[] {
  const s = hex.toString().slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i + 4 <= s.length; i += 4) out.push(parseInt(s.slice(i, i + 4), 16));
  return out;
}
