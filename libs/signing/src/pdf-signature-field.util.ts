/*
 * Where a PDF's last signature is and what its dictionary says (ISO 32000-1 §12.8): the byte
 * range, the /Contents hex string, /SubFilter and /M. Text work on the file only; the CMS inside
 * is read by cms-signed-data.util.ts.
 */

/** The last signature of a PDF as found in its bytes. */
export interface PdfSignatureField {
  /** /ByteRange [a b c d]: the signed bytes are [a, a+b) and [c, c+d); the signature lies between. */
  byteRange: [number, number, number, number];
  /** The /Contents string between the two signed ranges, brackets included. */
  contents: string;
  subFilter: string | null;
  /** /M of the signature dictionary, if any. */
  signedAt: Date | null;
}

/** The last signature of `pdf`, or why there is none to check. */
export function findLastSignature(pdf: Buffer): PdfSignatureField | { problem: string } {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last || last.index === undefined) return { problem: 'the PDF has no signature' };
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) {
    return { problem: 'the signature byte range is malformed' };
  }
  const dictionary = signatureDictionary(text, last.index, b, c);
  return {
    byteRange: [a, b, c, d],
    contents: text.slice(b, c),
    subFilter: /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dictionary)?.[1] ?? null,
    signedAt: pdfDate(/\/M\s*\((D:[^)]*)\)/.exec(dictionary)?.[1]),
  };
}

/** The signature dictionary around a /ByteRange, without the (large) /Contents string. */
function signatureDictionary(
  text: string,
  byteRangeAt: number,
  contentsStart: number,
  contentsEnd: number,
): string {
  const start = Math.max(text.lastIndexOf(' obj', Math.min(byteRangeAt, contentsStart)), 0);
  const endAt = text.indexOf('endobj', Math.max(byteRangeAt, contentsEnd));
  const end = endAt < 0 ? text.length : endAt;
  return text.slice(start, contentsStart) + text.slice(contentsEnd, end);
}

/** PDF date "D:20250413090000+07'00'" (ISO 32000-1 §7.9.4). */
function pdfDate(s: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s ?? '');
  if (!m) return null;
  const [, y, mo = '01', da = '01', h = '00', mi = '00', se = '00', tz] = m;
  let offset = 'Z';
  if (tz && tz !== 'Z') offset = `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${y}-${mo}-${da}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
