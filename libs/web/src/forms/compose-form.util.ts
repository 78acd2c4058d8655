import {
  createMemoSchema,
  memoDraftProblems,
  MEMO_PURPOSES,
  SECRECIES,
  URGENCIES,
  missingParts,
  withoutTypedNumber,
  type MemoBlock,
  type MemoCopy,
  type MemoPurpose,
  type Secrecy,
  type Urgency,
} from '@saraban/memo';
import type { ComposeForm } from './compose.form';

/** A body block as the editor shows it: numbered items are one per line in one text box. */
export interface EditorBlock {
  type: 'heading' | 'paragraph' | 'numbered';
  text: string;
}

export interface FieldError {
  field: string;
  message: string;
}

/** The memo fields the compose page edits, ready for MemoDraftService (create or update). */
export interface ComposeValues {
  subject: string;
  unitLine?: string;
  addressee?: string;
  closing?: string;
  urgency: Urgency;
  secrecy: Secrecy;
  purpose: MemoPurpose;
  signerPositionId?: string;
  publish: boolean;
  oitItem: string | null;
  publishFiscalYear: number | null;
  body: MemoBlock[];
  /** สำเนาเรียน; undefined when the form did not show it (kept as stored). */
  copies?: MemoCopy[];
}

export type ComposeOp =
  | { kind: 'save' | 'submit' | 'preview' }
  | { kind: 'add'; type: EditorBlock['type'] }
  | { kind: 'remove' | 'up' | 'down'; index: number };

const BLOCK_TYPES: readonly EditorBlock['type'][] = ['heading', 'paragraph', 'numbered'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One line: every control character (pasted tabs, line breaks) becomes a space. */
function oneLine(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() : '';
}

/** Several lines: CRLF from the browser becomes LF; other control characters go. */
function multiLine(value: unknown): string {
  if (typeof value !== 'string') return '';
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .trim()
  );
}

/**
 * `blocks` as the body parser gives it: an array, or an object keyed by index once there are more
 * than 20 (qs stops making arrays there).
 */
export function editorBlocksOf(raw: unknown): EditorBlock[] {
  let list: unknown[] = [];
  if (Array.isArray(raw)) list = raw;
  else if (raw && typeof raw === 'object') {
    list = Object.entries(raw as Record<string, unknown>)
      .filter(([k]) => /^\d+$/.test(k))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => v);
  }
  return list.flatMap((item): EditorBlock[] => {
    if (!item || typeof item !== 'object') return [];
    const { type, text } = item as { type?: unknown; text?: unknown };
    const t = BLOCK_TYPES.find((b) => b === type) ?? 'paragraph';
    return [{ type: t, text: typeof text === 'string' ? text.replace(/\r\n?/g, '\n') : '' }];
  });
}

/** The editor's view of stored blocks. */
export function editorBlocksFrom(body: MemoBlock[]): EditorBlock[] {
  return body.map((b) => (b.type === 'numbered' ? { type: 'numbered', text: b.items.join('\n') } : { ...b }));
}

export function composeOpOf(op: unknown): ComposeOp {
  if (op === 'submit' || op === 'preview') return { kind: op };
  if (typeof op === 'string') {
    const add = /^add:(heading|paragraph|numbered)$/.exec(op);
    if (add) return { kind: 'add', type: add[1] as EditorBlock['type'] };
    const move = /^(remove|up|down):(\d{1,4})$/.exec(op);
    if (move) return { kind: move[1] as 'remove' | 'up' | 'down', index: Number(move[2]) };
  }
  return { kind: 'save' };
}

/** Applies a block operation of the no-script editor (add, remove, move). */
export function applyBlockOp(blocks: EditorBlock[], op: ComposeOp): EditorBlock[] {
  const next = [...blocks];
  switch (op.kind) {
    case 'add':
      next.push({ type: op.type, text: '' });
      break;
    case 'remove':
      next.splice(op.index, 1);
      break;
    case 'up':
      if (op.index > 0 && op.index < next.length)
        [next[op.index - 1], next[op.index]] = [next[op.index], next[op.index - 1]];
      break;
    case 'down':
      if (op.index >= 0 && op.index < next.length - 1)
        [next[op.index], next[op.index + 1]] = [next[op.index + 1], next[op.index]];
      break;
    case 'save':
    case 'submit':
    case 'preview':
      break;
  }
  return next;
}

const COPY = /^(person|unit):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The ticked สำเนาเรียน boxes ("person:<id>", "unit:<id>"); undefined when the page did not show them. */
export function copiesOf(form: Pick<ComposeForm, 'copies' | 'copiesShown'>): MemoCopy[] | undefined {
  const raw = form.copies;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  if (values.length === 0 && form.copiesShown === undefined) return undefined;
  return values.flatMap((v): MemoCopy[] => {
    const m = typeof v === 'string' ? COPY.exec(v) : null;
    return m ? [{ kind: m[1] as MemoCopy['kind'], id: m[2].toLowerCase() }] : [];
  });
}

/** What the page says beside a required field left empty: the problem and how to fix it. */
const REQUIRED_MESSAGES: Record<string, string> = {
  addressee: 'กรุณากรอก "เรียน" (ตำแหน่งของผู้พิจารณาสั่งการ เช่น นายกองค์การบริหารส่วนตำบล) ช่องนี้เว้นว่างไม่ได้',
  closing: 'กรุณากรอกข้อความปิดท้าย เช่น "จึงเรียนมาเพื่อโปรดพิจารณา" ช่องนี้เว้นว่างไม่ได้',
  body: 'ส่งเสนอไม่ได้: ยังไม่มีเนื้อหา กรุณาเพิ่มย่อหน้าหรือหัวข้ออย่างน้อยหนึ่งส่วน (บันทึกร่างไว้ได้)',
};

/**
 * Reads the posted form into memo fields and checks them with the memo library's schema, the one
 * the API checks a draft with (same limits, same Thai words). Empty body blocks are dropped (a
 * block added and never filled is not an error). เรียน and the closing are required: emptied, they
 * are refused on the page rather than quietly kept as they were. A draft may have no body yet;
 * `forSubmission` (the writer pressed ส่งเสนอ) also asks for the parts a submission needs (the
 * memo library's rule).
 */
export function readComposeForm(
  form: ComposeForm,
  blocks: EditorBlock[],
  forSubmission = false,
): { values: ComposeValues; errors: FieldError[] } {
  const subject = oneLine(form.subject);
  const unitLine = oneLine(form.unitLine);
  const addressee = oneLine(form.addressee);
  const closing = oneLine(form.closing);
  const signer = oneLine(form.signerPositionId);
  const oit = oneLine(form.oitItem);
  // A year that is not four digits is kept as NaN, which the schema refuses with its message.
  const fiscalText = oneLine(form.publishFiscalYear);
  const fiscalYear = fiscalText ? (/^\d{4}$/.test(fiscalText) ? Number(fiscalText) : NaN) : null;

  // The body as the memo holds it, and for each of its blocks the editor's index (empty blocks
  // are dropped, so a problem names the section the writer sees).
  const body: MemoBlock[] = [];
  const editorIndex: number[] = [];
  blocks.forEach((b, i) => {
    if (b.type === 'numbered') {
      const items = multiLine(b.text)
        .split('\n')
        .map((line) => withoutTypedNumber(line.replace(/\t/g, ' ')))
        .filter(Boolean);
      if (items.length > 0) body.push({ type: 'numbered', items });
    } else {
      const text = b.type === 'heading' ? oneLine(b.text) : multiLine(b.text);
      if (text) body.push({ type: b.type, text });
    }
    if (body.length > editorIndex.length) editorIndex.push(i);
  });

  const values: ComposeValues = {
    subject,
    unitLine: unitLine || undefined,
    addressee: addressee || undefined,
    closing: closing || undefined,
    urgency: URGENCIES.find((u) => u === form.urgency) ?? 'normal',
    secrecy: SECRECIES.find((s) => s === form.secrecy) ?? 'normal',
    purpose: MEMO_PURPOSES.find((s) => s === form.purpose) ?? 'decision',
    signerPositionId: UUID.test(signer) ? signer : undefined,
    publish: form.publish === 'true',
    oitItem: oit || null,
    publishFiscalYear: fiscalYear,
    body,
    copies: copiesOf(form),
  };

  const errors: FieldError[] = [];
  const checked = createMemoSchema.safeParse(values);
  if (!checked.success) {
    for (const problem of memoDraftProblems(checked.error, (n) => editorIndex[n] + 1)) {
      const [first, n] = problem.field.split('.');
      const field =
        first !== 'body' ? first : n === undefined ? 'blocks' : `blocks.${editorIndex[Number(n)]}`;
      errors.push({ field, message: problem.message });
    }
  }
  // A field the form did not post at all (an older page, a script) keeps the service's default;
  // one posted empty was emptied by the writer.
  const posted = {
    subject: subject || '-',
    addressee: typeof form.addressee === 'string' ? addressee : '-',
    closing: typeof form.closing === 'string' ? closing : '-',
    body,
  };
  for (const missing of missingParts(posted)) {
    if (missing.field === 'body' && !forSubmission) continue;
    const field = missing.field === 'body' ? 'blocks' : missing.field;
    errors.push({ field, message: REQUIRED_MESSAGES[missing.field] ?? missing.problem });
  }

  return { values, errors };
}
