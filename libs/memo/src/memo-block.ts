/** The body of a memo as structured blocks, in reading order. */
export type MemoBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'numbered'; items: string[] };

export const MEMO_BLOCK_TYPES = ['heading', 'paragraph', 'numbered'] as const;
