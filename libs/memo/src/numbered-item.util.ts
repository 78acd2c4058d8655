/**
 * A number the writer typed at the start of a numbered item ("๑.", "1)", "(๒)", "ข้อ 3"): the
 * printed memo numbers items itself, so a typed one would print twice ("๑. ๑. …").
 */
const TYPED_NUMBER = /^\s*(?:ข้อ\s*)?(?:[(（]\s*[0-9๐-๙]{1,3}\s*[)）]|[0-9๐-๙]{1,3}\s*[.)）](?![0-9๐-๙]))\s*/u;

/** The item without a number typed at its start; the rest of the text is kept as it is. */
export function withoutTypedNumber(item: string): string {
  return item.replace(TYPED_NUMBER, '').trim();
}
