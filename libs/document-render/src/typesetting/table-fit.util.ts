import type { FontMetrics } from './font-metrics';
import { keepTogetherPattern, splitKeepTogether } from './keep-together.util';
import { thaiWords } from './thai-words.util';

/** Table font sizes, largest first: 14 pt is the report's size, the others the last resort. */
export const TABLE_FONT_SIZES = [14, 13, 12, 11, 10, 9] as const;
export type TableFontSize = (typeof TABLE_FONT_SIZES)[number];

const CM = 72 / 2.54;
/** A4 landscape less its side margins (styles.css: @page landscape). */
const LANDSCAPE_TEXT_WIDTH_PT = (29.7 - 2 - 1.5) * CM;
/** Each cell's padding (0.12 cm a side) and border (0.75 pt), with a little to spare. */
const CELL_CHROME_PT = 2 * 0.12 * CM + 0.75 + 1;

const keep = keepTogetherPattern();

/** The unbreakable pieces of a cell: its words and kept phrases (dates). */
function unbreakable(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .flatMap((line) => splitKeepTogether(line, keep))
    .flatMap((run) => (run.keep ? [run.text] : thaiWords(run.text)))
    .filter((w) => w.trim().length > 0);
}

/**
 * The font size at which no word of the table must break: the largest size at which the
 * longest word of every column (header in bold) fits side by side across the page. Chromium's
 * automatic table layout then never makes a column narrower than its longest word.
 */
export function tableFontSize(metrics: FontMetrics, columns: string[], rows: string[][]): TableFontSize {
  // The longest word of each column, measured at 1 pt (widths scale with the size).
  const widest = columns.map((header, c) => {
    let w = Math.max(0, ...unbreakable(header).map((word) => metrics.width(word, 1, true)));
    for (const row of rows) {
      for (const word of unbreakable(row[c] ?? '')) w = Math.max(w, metrics.width(word, 1));
    }
    return w;
  });
  for (const size of TABLE_FONT_SIZES) {
    const need = widest.reduce((sum, w) => sum + w * size + CELL_CHROME_PT, 0);
    if (need <= LANDSCAPE_TEXT_WIDTH_PT) return size;
  }
  return TABLE_FONT_SIZES[TABLE_FONT_SIZES.length - 1];
}

/**
 * A table short enough to share a landscape page with the table before it: a few rows of
 * short cells (about a third of a page at 14 pt). A longer one starts its own page.
 */
export function isShortTable(rows: string[][]): boolean {
  if (rows.length > 6) return false;
  const chars = rows.reduce((sum, row) => sum + row.reduce((s, cell) => s + cell.length, 0), 0);
  return chars <= 900;
}
