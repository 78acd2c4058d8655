import { eventRules, isNotifiable, namedRecipients } from './notifiable-event';
import { NotificationKind } from './notification-kind';

describe('the notification event catalogue', () => {
  it('maps each approval and document event to who is told and what', () => {
    expect(eventRules('memo.submitted')).toEqual([
      { kind: NotificationKind.NewWork, recipients: 'awaiting_step' },
      { kind: NotificationKind.Copied, recipients: 'copy_recipients' },
    ]);
    expect(eventRules('memo.endorsed').map((r) => r.recipients)).toEqual(['awaiting_step']);
    expect(eventRules('memo.resubmitted').map((r) => r.kind)).toEqual([NotificationKind.NewWork]);
    expect(eventRules('memo.returned')).toEqual([{ kind: NotificationKind.Returned, recipients: 'author' }]);
    expect(eventRules('memo.decided')).toEqual([{ kind: NotificationKind.Decided, recipients: 'author' }]);
    expect(eventRules('document.failed')[0].recipients).toBe('author_and_admins');
    expect(eventRules('memo.step_reminder')).toEqual([
      { kind: NotificationKind.Reminder, recipients: 'named' },
    ]);
    expect(eventRules('memo.step_escalated')[0].kind).toBe(NotificationKind.Escalation);
    expect(eventRules('memo.withdrawn')).toEqual([]);
    expect(eventRules('toString')).toEqual([]);
  });

  it('hands over webhook-only events too, and nothing else', () => {
    expect(isNotifiable('document.signed')).toBe(true);
    expect(isNotifiable('memo.cancelled')).toBe(false);
  });

  it('reads the people a reminder names, only as ids', () => {
    const a = '0b7c6c1e-4f7e-4b53-9d55-3f6c2a1f0a01';
    const b = '0b7c6c1e-4f7e-4b53-9d55-3f6c2a1f0a02';
    expect(namedRecipients({ recipientIds: [a, b, a, 'x; DROP TABLE', 7] })).toEqual([a, b]);
    expect(namedRecipients({ recipients: [b] })).toEqual([b]);
    expect(namedRecipients({ recipientUserIds: [a] })).toEqual([a]);
    expect(namedRecipients({})).toEqual([]);
  });
});
