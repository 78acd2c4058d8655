import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { thaiWords } from '../typesetting/thai-words.util';

export interface PrintedPageWords {
  /** Portrait or landscape, in points. */
  width: number;
  height: number;
  /** The first word read on the page, page numbers ("-๒-") left out; null on an empty page. */
  firstWord: string | null;
}

const execFileAsync = promisify(execFile);
const PAGE_NUMBER = /^-[๐-๙0-9]+-$/u;
const ITEM_MARKER = /^[๐-๙0-9]+(?:\.[๐-๙0-9]+)*[.)]$/u;

/**
 * The first word of every page of a printed PDF, read from the PDF itself by poppler
 * (`pdftotext -bbox`, the PDF on its standard input): pagination is Chromium's, known only once
 * it has printed. A Thai run without spaces is cut to its first word (thaiWords).
 */
export async function pageFirstWords(pdf: Uint8Array, timeoutMs: number): Promise<PrintedPageWords[]> {
  const reading = execFileAsync('pdftotext', ['-bbox', '-enc', 'UTF-8', 'fd://0', '-'], {
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  reading.child.stdin?.on('error', () => undefined);
  reading.child.stdin?.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  const { stdout } = await reading;
  return parseBbox(stdout);
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Pages of `pdftotext -bbox` output: words in content order, which is reading order here. */
export function parseBbox(xhtml: string): PrintedPageWords[] {
  const pages: PrintedPageWords[] = [];
  for (const m of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    let firstWord: string | null = null;
    let marker = '';
    for (const w of m[3].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)) {
      // Fonts that draw ำ as ํ + า give it back decomposed: composed again, as typed.
      const text = unescapeXml(w[1])
        .trim()
        .replace(/\u0E4D\u0E32/gu, '\u0E33');
      if (!text || PAGE_NUMBER.test(text)) continue;
      // An item's number ("๑.") is not a word: the continuation is the number and its first word.
      if (ITEM_MARKER.test(text)) {
        marker += `${text} `;
        continue;
      }
      // A name in parentheses (a signature block) is not a dictionary word: taken whole.
      firstWord = text.startsWith('(')
        ? text
        : (thaiWords(text).find((piece) => piece.trim().length > 0) ?? text);
      firstWord = marker + firstWord;
      break;
    }
    if (firstWord === null && marker) firstWord = marker.trim();
    pages.push({ width: Number(m[1]), height: Number(m[2]), firstWord });
  }
  return pages;
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
