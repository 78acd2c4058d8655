import { THAI_COMPOUND_WORDS } from './thai-compound-words';

/**
 * Thai word segmentation for line breaking: Intl.Segmenter (ICU's dictionary) corrected for
 * what a clerk reads as one word.
 *
 * - ICU splits compounds ("ราย|ละเอียด", "ผู้รับ|ผิด|ชอบ"): consecutive segments that spell a
 *   word of THAI_COMPOUND_WORDS are joined.
 * - ICU sometimes cuts a run wrongly ("ผู้|อำนวย|การก|องค|ลัง"): a compound that starts on a
 *   segment boundary may end inside a short segment (at most MISCUT_MAX characters, the size
 *   of such fragments), and the rest of the run is segmented again. A long segment is a word
 *   ICU knows ("ประกาศนียบัตร") and is never cut by a shorter compound ("ประกาศ").
 * - Marks that cannot start a line (ฯ ๆ . , ) : ; ! ? closing quotes) stay with the word
 *   before them, opening brackets with the word after them; ฯ is segmented as a space, so that
 *   "จริยธรรมฯ" is "จริยธรรม" + "ฯ" (ICU reads "จริย|ธร|รมฯ").
 *
 * The answer is the text cut into pieces, whitespace in pieces of its own; a line may break
 * between any two pieces and nowhere else.
 */
export function thaiWords(text: string): string[] {
  return thaiWordPieces(text).map((p) => p.text);
}

export interface WordPiece {
  text: string;
  /**
   * Made of several ICU segments (a compound, a word with its ฯ or its punctuation): Chromium,
   * whose line breaker is ICU too, would break inside it, so the typesetter holds it together.
   */
  joined: boolean;
}

/** thaiWords, telling which pieces were joined from several ICU segments. */
export function thaiWordPieces(text: string): WordPiece[] {
  const raw = icuSegments(text);
  const joined = joinCompounds(text, raw);
  return attachPunctuation(joined);
}

/** Boundaries where a line may break in `text` (indices, 0 < i < text.length). */
export function thaiBreakIndices(text: string): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const piece of thaiWords(text)) {
    if (at > 0) out.add(at);
    at += piece.length;
  }
  return out;
}

const MISCUT_MAX = 4;
const NO_BREAK_BEFORE = /^[ฯๆ.,)\]}:;!?%”’»…]/u;
const NO_BREAK_AFTER = /[([{“‘«]$/u;
const SPACE = /^\s+$/u;

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** ICU's segments of text, with ฯ and ๆ read as spaces and given back as themselves. */
function icuSegments(text: string): string[] {
  const masked = text.replace(/[ฯๆ]/gu, ' ');
  const out: string[] = [];
  for (const { segment, index } of segmenter.segment(masked)) {
    // A masked mark becomes a piece of its own (the space segment may hold several).
    let start = index;
    for (let i = index; i < index + segment.length; i++) {
      if (text[i] === 'ฯ' || text[i] === 'ๆ') {
        if (i > start) out.push(text.slice(start, i));
        out.push(text[i]);
        start = i + 1;
      }
    }
    if (start < index + segment.length) out.push(text.slice(start, index + segment.length));
  }
  return out;
}

const BY_FIRST_CHAR = new Map<string, string[]>();
for (const word of [...THAI_COMPOUND_WORDS].sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST_CHAR.get(word[0]) ?? [];
  list.push(word);
  BY_FIRST_CHAR.set(word[0], list);
}

function joinCompounds(text: string, segments: string[]): WordPiece[] {
  const out: WordPiece[] = [];
  // Start offsets of the segments, to find the segment under a compound's end.
  let i = 0;
  let offset = 0;
  while (i < segments.length) {
    const seg = segments[i];
    const candidates = SPACE.test(seg) ? undefined : BY_FIRST_CHAR.get(seg[0]);
    let taken = false;
    for (const word of candidates ?? []) {
      if (!text.startsWith(word, offset)) continue;
      const end = offset + word.length;
      // Walk the segments the compound covers.
      let j = i;
      let segEnd = offset;
      while (j < segments.length && segEnd + segments[j].length <= end) {
        segEnd += segments[j].length;
        j++;
      }
      if (segEnd === end) {
        if (j - i < 2 && word.length === seg.length) break; // already one segment
        out.push({ text: word, joined: true });
        i = j;
        offset = end;
        taken = true;
        break;
      }
      // The compound ends inside segment j: only a short (mis-cut) one may be cut.
      if (j < segments.length && segments[j].length <= MISCUT_MAX) {
        out.push({ text: word, joined: true });
        // Everything from the end of the compound to the end of its run is segmented again.
        let runEnd = segEnd;
        let k = j;
        while (k < segments.length && !SPACE.test(segments[k])) {
          runEnd += segments[k].length;
          k++;
        }
        const rest = text.slice(end, runEnd);
        const again = rest.length > 0 ? joinCompounds(rest, icuSegments(rest)) : [];
        out.push(...again);
        i = k;
        offset = runEnd;
        taken = true;
        break;
      }
    }
    if (!taken) {
      out.push({ text: seg, joined: false });
      offset += seg.length;
      i++;
    }
  }
  return out;
}

function attachPunctuation(pieces: WordPiece[]): WordPiece[] {
  const out: WordPiece[] = [];
  for (const piece of pieces) {
    const prev = out.at(-1);
    if (prev !== undefined && !SPACE.test(piece.text) && !SPACE.test(prev.text)) {
      if (NO_BREAK_BEFORE.test(piece.text) || NO_BREAK_AFTER.test(prev.text)) {
        // Brackets and stops never break from their word in Chromium (UAX 14); ฯ and ๆ may.
        out[out.length - 1] = {
          text: prev.text + piece.text,
          joined: prev.joined || piece.joined || /^[ฯๆ]/u.test(piece.text),
        };
        continue;
      }
    }
    out.push(piece);
  }
  return out;
}
