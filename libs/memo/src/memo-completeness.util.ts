import type { MemoContent } from './memo-content';

/** A part a memo must have before it is sent up the chain, as a field and a Thai problem. */
export interface MissingPart {
  field: 'subject' | 'addressee' | 'body' | 'closing';
  problem: string;
}

/**
 * What a memo still lacks to be submitted: a subject, an addressee (เรียน), at least one block of
 * body and a closing request. A draft may lack them; a submission (which takes a register number)
 * may not. The one rule the API and the web form both apply.
 */
export function missingParts(
  content: Pick<MemoContent, 'subject' | 'addressee' | 'body' | 'closing'>,
): MissingPart[] {
  const missing: MissingPart[] = [];
  if (!content.subject.trim()) missing.push({ field: 'subject', problem: 'ยังไม่ได้กรอกเรื่อง' });
  if (!content.addressee.trim()) missing.push({ field: 'addressee', problem: 'ยังไม่ได้กรอก "เรียน"' });
  const hasBody = content.body.some((b) =>
    b.type === 'numbered' ? b.items.some((i) => i.trim()) : b.text.trim().length > 0,
  );
  if (!hasBody) {
    missing.push({ field: 'body', problem: 'ยังไม่มีเนื้อหา ต้องมีเนื้อหาอย่างน้อยหนึ่งส่วน' });
  }
  if (!content.closing.trim()) missing.push({ field: 'closing', problem: 'ยังไม่ได้กรอกข้อความปิดท้าย' });
  return missing;
}
