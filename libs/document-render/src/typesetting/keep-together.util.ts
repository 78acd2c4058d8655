/**
 * Phrases a line must never break inside: a date ("๕ มกราคม ๒๕๖๗", "๑๓ เม.ย. ๖๘", "พ.ศ.
 * ๒๕๖๙"), the acting phrase ("รักษาราชการแทน"), a phone number after "โทร.", and any phrase the
 * caller adds (the organisation's name).
 */
const MONTHS =
  'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|' +
  'ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.';
const DIGIT = '[0-9๐-๙]';
const PATTERNS = [
  // day month [พ.ศ.] year, or month year
  `(?:${DIGIT}{1,2}\\s+)?(?:${MONTHS})(?:\\s*(?:พ\\.ศ\\.|ค\\.ศ\\.)?\\s*${DIGIT}{2,4})?`,
  `(?:พ\\.ศ\\.|ค\\.ศ\\.|พ\\.ศ|ค\\.ศ)\\s*${DIGIT}{4}`,
  'รักษาราชการแทน|ปฏิบัติราชการแทน|รักษาการในตำแหน่ง',
  `โทร\\.?\\s*${DIGIT}[0-9๐-๙-]*${DIGIT}`,
];

export interface TextRun {
  text: string;
  /** Printed on one line (a no-break span). */
  keep: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher of the kept phrases, with extra phrases (longest first). */
export function keepTogetherPattern(extra: readonly string[] = []): RegExp {
  const phrases = [...extra]
    .filter((p) => p.trim().length > 0)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return new RegExp([...phrases, ...PATTERNS].join('|'), 'gu');
}

/** The text cut into runs to keep together and runs that may break (between words). */
export function splitKeepTogether(text: string, pattern: RegExp): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    if (m.index > at) runs.push({ text: text.slice(at, m.index), keep: false });
    runs.push({ text: m[0], keep: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), keep: false });
  return runs;
}
