import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WorkingCalendar } from '@saraban/calendar';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { readWorkingTime, workingCalendarOf } from '@saraban/organisation';
import {
  eventRules,
  isWebhookEventType,
  type EventRule,
  type NotifiableEvent,
} from '../events/notifiable-event';
import { DELIVERY_CHANNELS } from '../events/notification-kind';
import { assignBatches } from '../delivery/delivery-batch.util';
import { planDelivery } from '../delivery/delivery-plan.util';
import { DeliveryRepository, type NewDelivery } from '../delivery/delivery.repository';
import { NotificationRepository } from '../inbox/notification.repository';
import { PreferenceRepository } from '../preferences/preference.repository';
import { NotificationQueueService } from '../queue/notification-queue.service';
import { WebhookRepository } from '../webhooks/webhook.repository';
import { memoLink, notificationSummary } from './notification-message.util';
import { RecipientResolver, type NotifiedMemo, type Recipient } from './recipient.resolver';

export interface FanOutResult {
  notifications: number;
  deliveries: number;
  webhooks: number;
}

/** An organisation's calendar changes rarely (an import of its file); a fan-out reads it from here for a minute. */
const CALENDAR_TTL_MS = 60_000;

/**
 * One event → its in-app notifications, its email and LINE deliveries (as each person's
 * preferences and quiet hours say) and its webhook deliveries. Every write is keyed (event and
 * person; notification and channel; subscription and event) and every job id derived from those
 * keys: a fan-out that runs twice writes and enqueues nothing new. Each write is one statement
 * for all recipients; deliveries due now are grouped in batches, one send job each.
 */
@Injectable()
export class NotificationFanOutService {
  private readonly calendars = new Map<string, { calendar: WorkingCalendar; at: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly resolver: RecipientResolver,
    private readonly notifications: NotificationRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: PreferenceRepository,
    private readonly webhooks: WebhookRepository,
    private readonly queue: NotificationQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async fanOut(event: NotifiableEvent, now = new Date()): Promise<FanOutResult> {
    const result: FanOutResult = { notifications: 0, deliveries: 0, webhooks: 0 };
    if (isWebhookEventType(event.type)) {
      const pending = await this.webhooks.deliveriesFor(event.organisationId, event.id, event.type, {
        ...event.payload,
        organisationId: event.organisationId,
        eventId: event.id,
      });
      await this.queue.enqueueWebhooks(pending);
      result.webhooks = pending.length;
    }

    const rules = eventRules(event.type);
    if (rules.length === 0) return result;
    const memo = await this.resolver.memo(event);
    if (!memo) return result;
    // A person concerned twice (the next approver also named in the copies) is told once, by the first rule.
    const told = new Set<string>();
    for (const rule of rules) {
      const recipients = (await this.resolver.recipients(rule.recipients, event, memo)).filter(
        (r) => !told.has(r.personId),
      );
      for (const r of recipients) told.add(r.personId);
      if (recipients.length === 0) continue;
      const written = await this.notify(event, memo, rule, recipients, now);
      result.notifications += written.notifications;
      result.deliveries += written.deliveries;
    }
    return result;
  }

  /** Writes one rule's notifications and their deliveries, and queues the batches due now. */
  private async notify(
    event: NotifiableEvent,
    memo: NotifiedMemo,
    rule: EventRule,
    recipients: Recipient[],
    now: Date,
  ): Promise<{ notifications: number; deliveries: number }> {
    const dueAt = typeof event.payload.dueAt === 'string' ? new Date(event.payload.dueAt) : null;
    const link = memoLink(this.config.PUBLIC_BASE_URL, memo.memoId);
    const rows = await this.notifications.insertForEvent(
      recipients.map((r) => ({
        organisationId: event.organisationId,
        personId: r.personId,
        eventId: event.id,
        kind: rule.kind,
        memoId: memo.memoId,
        subject: memo.subject,
        documentNo: memo.documentNo,
        urgency: memo.urgency,
        summary: notificationSummary(rule.kind, {
          capacity: r.capacity,
          dueAt: dueAt && !Number.isNaN(dueAt.getTime()) ? dueAt : null,
        }),
        link,
      })),
    );

    const [prefs, calendar] = await Promise.all([
      this.preferences.forPeople(rows.map((r) => r.personId)),
      this.calendarOf(event.organisationId),
    ]);
    const planned: Omit<NewDelivery, 'batchId'>[] = [];
    for (const n of rows) {
      const p = prefs.get(n.personId)!;
      for (const channel of DELIVERY_CHANNELS) {
        if (p.disabled.some((d) => d.kind === rule.kind && d.channel === channel)) continue;
        planned.push({
          notificationId: n.id,
          organisationId: event.organisationId,
          personId: n.personId,
          channel,
          ...planDelivery({
            channel,
            urgency: memo.urgency,
            now,
            calendar,
            quietHours: p.quietHours,
            emailDigest: p.emailDigest,
          }),
        });
      }
    }
    const due = planned.filter((d) => d.status === 'pending');
    const batched = new Map(
      assignBatches(due, {
        email: this.config.EMAIL_BATCH_SIZE,
        line: this.config.LINE_MULTICAST_SIZE,
      }).map((d) => [`${d.notificationId}.${d.channel}`, d.batchId]),
    );
    const written = await this.deliveries.insertMany(
      planned.map((d) => ({ ...d, batchId: batched.get(`${d.notificationId}.${d.channel}`) ?? null })),
    );
    // Held deliveries wait in PostgreSQL for the release sweep; the batches due now are queued.
    const batches = new Set(
      written.filter((d) => d.status === 'pending' && d.batchId).map((d) => d.batchId!),
    );
    await this.queue.enqueueBatches([...batches]);
    return { notifications: rows.length, deliveries: written.length };
  }

  private async calendarOf(organisationId: string): Promise<WorkingCalendar> {
    const hit = this.calendars.get(organisationId);
    if (hit && Date.now() - hit.at < CALENDAR_TTL_MS) return hit.calendar;
    const settings = (await readWorkingTime(this.db.manager, [organisationId])).get(organisationId)?.settings;
    const calendar = workingCalendarOf(settings ?? {});
    this.calendars.set(organisationId, { calendar, at: Date.now() });
    return calendar;
  }
}
