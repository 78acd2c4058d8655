import { schemaProblems } from '@saraban/errors';
import { NotificationKind } from '../events/notification-kind';
import { notificationInputSchemas } from './notification-input.schema';

function problems(kind: keyof typeof notificationInputSchemas, body: object): string[] {
  const parsed = notificationInputSchemas[kind].safeParse(body);
  return parsed.success ? [] : schemaProblems(parsed.error).map((p) => `${p.field}: ${p.message}`);
}

describe('notification settings inputs (one schema for the API and the web)', () => {
  const channels = [{ kind: NotificationKind.Decided, email: true, line: false }];

  it('take an address or none, and each kind’s channels', () => {
    const prefs = { emailDigest: false, quietHours: true, channels };
    expect(problems('preferences', { ...prefs, email: 'somchai@example.go.th' })).toEqual([]);
    expect(problems('preferences', { ...prefs, email: null })).toEqual([]);
    expect(problems('preferences', { ...prefs, email: '' })).toEqual([]);
    expect(problems('preferences', { ...prefs, email: 'somchai@' })).toEqual(['email: อีเมลไม่ถูกต้อง']);
    expect(
      problems('preferences', { ...prefs, email: null, channels: [{ kind: 'x', email: true, line: true }] }),
    ).toEqual(['channels.0.kind: ไม่รู้จักประเภทการแจ้งเตือนนี้']);
  });

  it('need a LINE secret and token of 16 characters or more', () => {
    const ok = { channelSecret: 's'.repeat(16), accessToken: 't'.repeat(40) };
    expect(problems('lineChannel', ok)).toEqual([]);
    expect(problems('lineChannel', { ...ok, channelSecret: 'short' })).toEqual([
      'channelSecret: Channel secret และ access token ต้องยาวอย่างน้อย 16 ตัวอักษร',
    ]);
  });

  it('subscribe an http(s) URL to at least one known event', () => {
    const hook = { url: 'https://integrator.example/hooks', events: ['memo.decided'] };
    expect(problems('webhookSubscription', hook)).toEqual([]);
    expect(
      problems('webhookSubscription', { ...hook, url: 'http://localhost:8080/x', description: null }),
    ).toEqual([]);
    expect(problems('webhookSubscription', { ...hook, url: 'ftp://integrator.example/' })).toEqual([
      'url: ใส่ URL ที่ขึ้นต้นด้วย https:// (หรือ http://)',
    ]);
    expect(problems('webhookSubscription', { ...hook, url: 'integrator.example' })).toEqual([
      'url: ใส่ URL ที่ขึ้นต้นด้วย https:// (หรือ http://)',
    ]);
    expect(problems('webhookSubscription', { ...hook, events: [] })).toEqual([
      'events: เลือกอย่างน้อยหนึ่งเหตุการณ์',
    ]);
    expect(problems('webhookSubscription', { ...hook, events: ['memo.lost'] })).toEqual([
      'events.0: ไม่รู้จักเหตุการณ์นี้',
    ]);
  });
});
