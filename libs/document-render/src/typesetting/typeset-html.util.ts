import { keepTogetherPattern, splitKeepTogether } from './keep-together.util';
import { thaiWords } from './thai-words.util';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** Handlebars' escaping, character for character. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]);
}

/**
 * One line of text as HTML in which a line may break only between words: each word escaped,
 * a <wbr> between two words that no space separates, kept phrases (dates, the acting phrase,
 * the organisation's name) in a no-break span. The stylesheet sets `word-break: keep-all`,
 * so Chromium adds no break opportunity of its own inside Thai text.
 *
 * `names`: a person's name, whose parts are not dictionary words ("วงศ์อุตติ" is not
 * "วงศ์|อุ|ต|ติ"): it breaks only at its spaces.
 */
export function typesetLine(text: string, keep: RegExp, options: { name?: boolean } = {}): string {
  if (options.name) return escapeHtml(text);
  let html = '';
  let prev: string | undefined;
  for (const run of splitKeepTogether(text, keep)) {
    const pieces = run.keep ? [run.text] : thaiWords(run.text);
    for (const piece of pieces) {
      if (prev !== undefined && !/\s$/u.test(prev) && !/^[\s.,:;!?)\]}ฯๆ]/u.test(piece)) html += '<wbr>';
      html += run.keep ? `<span class="keep">${escapeHtml(piece)}</span>` : escapeHtml(piece);
      prev = piece;
    }
  }
  return html;
}

/** The kept phrases of a document: the built-in ones and its organisation's name. */
export function documentKeepPattern(organisationName: string): RegExp {
  return keepTogetherPattern([organisationName]);
}
