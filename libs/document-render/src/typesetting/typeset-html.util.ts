import { keepTogetherPattern, splitKeepTogether } from './keep-together.util';
import { thaiWordPieces, type WordPiece } from './thai-words.util';

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
 * a <wbr> between two words that no space separates, and in a no-break span every word that
 * ICU would cut (a compound, a word with its ฯ) and every kept phrase (dates, the acting
 * phrase, the organisation's name). Chromium breaks Thai with ICU's dictionary, whose cuts
 * are where the segmenter's pieces start; `word-break: keep-all` does not stop it (measured).
 *
 * `names`: a person's name, whose parts are not dictionary words ("วงศ์อุตติ" is not
 * "วงศ์|อุ|ต|ติ"): it breaks only at its spaces.
 */
export function typesetLine(text: string, keep: RegExp, options: { name?: boolean } = {}): string {
  if (options.name) {
    return text
      .split(/(\s+)/u)
      .map((part) => (part.trim() ? `<span class="keep">${escapeHtml(part)}</span>` : escapeHtml(part)))
      .join('');
  }
  let html = '';
  let prev: string | undefined;
  for (const run of splitKeepTogether(text, keep)) {
    const pieces: WordPiece[] = run.keep ? [{ text: run.text, joined: true }] : thaiWordPieces(run.text);
    for (const piece of pieces) {
      if (prev !== undefined && !/\s$/u.test(prev) && !/^[\s.,:;!?)\]}ฯๆ]/u.test(piece.text)) html += '<wbr>';
      // Chromium breaks Thai text with ICU's dictionary whatever word-break says: a word made of
      // several ICU segments (and a kept phrase) is held in a no-break span.
      html += piece.joined ? `<span class="keep">${escapeHtml(piece.text)}</span>` : escapeHtml(piece.text);
      prev = piece.text;
    }
  }
  return html;
}

/** The kept phrases of a document: the built-in ones and its organisation's name. */
export function documentKeepPattern(organisationName: string): RegExp {
  return keepTogetherPattern([organisationName]);
}
