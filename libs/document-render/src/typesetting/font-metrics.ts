import fontkit from '@pdf-lib/fontkit';

interface Font {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

/**
 * Advance widths of the document font, per character (cached): enough to know how wide a word
 * prints, to size table columns before Chromium sees the table. Thai marks that stack have no
 * advance, so a word's width is the sum of its characters' advances.
 */
export class FontMetrics {
  private readonly regular: Font;
  private readonly bold: Font;
  private readonly cache = new Map<string, number>();

  constructor(fonts: { regular: Uint8Array; bold: Uint8Array }) {
    this.regular = fontkit.create(fonts.regular);
    this.bold = fontkit.create(fonts.bold);
  }

  /** Width in points of `text` at `sizePt`. */
  width(text: string, sizePt: number, bold = false): number {
    const font = bold ? this.bold : this.regular;
    let units = 0;
    for (const ch of text) {
      const key = (bold ? 'b' : 'r') + ch;
      let w = this.cache.get(key);
      if (w === undefined) {
        w = font.glyphForCodePoint(ch.codePointAt(0) ?? 32).advanceWidth / font.unitsPerEm;
        this.cache.set(key, w);
      }
      units += w;
    }
    return units * sizePt;
  }
}
