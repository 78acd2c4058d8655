import { simpleParser } from 'mailparser';
import { buildMimeMessage } from './mime-message.util';

/** A short ASCII message with these fields changed, as a mail parser reads it back. */
function shortMessageParsed(fields: Partial<Parameters<typeof buildMimeMessage>[0]>) {
  return simpleParser(
    buildMimeMessage({
      from: 'no-reply@saraban.local',
      to: 'a@b.test',
      subject: 'x',
      text: 'x',
      html: '<p>x</p>',
      messageId: 'm@x',
      date: new Date(),
      ...fields,
    }),
  );
}

describe('a notification email as MIME bytes', () => {
  it('reads back as written by a mail parser: Thai subject and names, both parts, Message-ID', async () => {
    const text = `เรียน นางสาวอมรรัตน์ วงศ์อุตติ\n\nงานนี้ใกล้ครบกำหนด\n${'ข้อความยาว '.repeat(40)}\nhttp://saraban.test/app/memos/1`;
    const html = `<p>เรียน นางสาวอมรรัตน์</p><p><a href="http://saraban.test/app/memos/1">เปิดบันทึกข้อความ</a></p>`;
    const raw = buildMimeMessage({
      from: 'องค์การบริหารส่วนตำบลคำพี่ <no-reply@khampee.go.th>',
      to: 'amornrat@khampee.go.th',
      subject: `[ด่วนที่สุด] ${'ขออนุมัติจัดซื้อวัสดุสำนักงานประจำปีงบประมาณ '.repeat(3)}`,
      text,
      html,
      messageId: 'd1b2c3@saraban-flow',
      date: new Date('2026-11-30T08:00:00Z'),
    });
    // Every line within RFC 5322's 998 characters (base64 and encoded words are folded).
    expect(
      Math.max(
        ...raw
          .toString()
          .split('\r\n')
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(998);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(`[ด่วนที่สุด] ${'ขออนุมัติจัดซื้อวัสดุสำนักงานประจำปีงบประมาณ '.repeat(3)}`.trim());
    expect(parsed.from?.value[0]).toEqual({
      name: 'องค์การบริหารส่วนตำบลคำพี่',
      address: 'no-reply@khampee.go.th',
    });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].address : null).toBe(
      'amornrat@khampee.go.th',
    );
    expect(parsed.messageId).toBe('<d1b2c3@saraban-flow>');
    expect(parsed.date?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(parsed.text?.trim()).toBe(text);
    expect(parsed.html).toBe(html);
  });

  it('a line break in a subject cannot add a header', async () => {
    const parsed = await shortMessageParsed({ subject: 'Hello\r\nBcc: victim@evil.test' });
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Hello Bcc: victim@evil.test');
  });

  it('quotes an ASCII display name', async () => {
    const parsed = await shortMessageParsed({ from: 'Saraban Flow, Khampee <no-reply@saraban.local>' });
    expect(parsed.from?.value[0]).toEqual({
      name: 'Saraban Flow, Khampee',
      address: 'no-reply@saraban.local',
    });
  });
});
