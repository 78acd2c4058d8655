import type { PDFDocument } from 'pdf-lib';
import { thaiWords } from '../typesetting/thai-words.util';
import { FontMapCache, pageLines } from './page-text.reader';

export interface PrintedPageWords {
  /** Portrait or landscape, in points. */
  width: number;
  height: number;
  /** The first word read on the page, page numbers ("-๒-") left out; null on an empty page. */
  firstWord: string | null;
}

const PAGE_NUMBER = /^-[๐-๙0-9]+-$/u;
const ITEM_MARKER = /^[๐-๙0-9]+(?:\.[๐-๙0-9]+)*[.)]$/u;

/**
 * The first word of every page of a printed PDF (pagination is Chromium's, known only once it
 * has printed), read from the document itself (page-text.reader). Page 1's and the attachments'
 * are not needed by anyone and are left null.
 */
export function pageFirstWords(pdf: PDFDocument): PrintedPageWords[] {
  const fonts = new FontMapCache();
  let memo = true;
  return pdf.getPages().map((page, i) => {
    const { width, height } = page.getSize();
    // Only the memo's own pages (portrait, first) carry continuation words: the landscape
    // attachments after them are not read (a table-heavy memo has dozens).
    memo = memo && height >= width;
    const read = memo && i > 0;
    return { width, height, firstWord: read ? firstWordOf(pageLines(pdf, page, fonts)) : null };
  });
}

/**
 * The first word of a page's first lines: page numbers aside; a Thai run without spaces cut
 * to its first word (thaiWords); an item's number ("๑.") is not a word, so the continuation is
 * the number and its first word; a name in parentheses (a signature block) is not a dictionary
 * word and is taken whole.
 */
export function firstWordOf(lines: string[]): string | null {
  let marker = '';
  // A page number's glyphs are placed one by one ("- ๒ -"): recognised without its spaces.
  const text = lines.filter((l) => !PAGE_NUMBER.test(l.replace(/\s+/gu, '')));
  for (const token of text.flatMap((l) => l.split(/\s+/u))) {
    const text = token.trim();
    if (!text || PAGE_NUMBER.test(text)) continue;
    if (ITEM_MARKER.test(text)) {
      marker += `${text} `;
      continue;
    }
    const word = text.startsWith('(')
      ? text
      : (thaiWords(text).find((piece) => piece.trim().length > 0) ?? text);
    return marker + word;
  }
  return marker ? marker.trim() : null;
}

/** Pages of a PDF as Chromium writes it (page objects are plain objects there), without parsing it. */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * The continuation word for each page (index = page − 1) that has one: every page of the
 * memo itself (its portrait pages, which come first) but its last, carries the first word of
 * the page after it followed by "…". Attachments carry none.
 */
export function continuationWords(pages: PrintedPageWords[]): Map<number, string> {
  const out = new Map<number, string>();
  let memoPages = 0;
  while (memoPages < pages.length && pages[memoPages].height >= pages[memoPages].width) memoPages++;
  for (let i = 0; i + 1 < memoPages; i++) {
    const next = pages[i + 1].firstWord;
    if (next) out.set(i, `${next}…`);
  }
  return out;
}
