import type { JobsOptions } from 'bullmq';
import type { NotifiableEvent } from './notifiable-event';

/** The queue of the notification fan-out and of every send (in-app is written by the fan-out). */
export const NOTIFICATION_QUEUE = 'notifications';

/** The typed job catalogue of the notification queue: one payload type per job. */
export enum NotificationJob {
  /** One outbox event → in-app rows, delivery rows, webhook deliveries. */
  FanOut = 'fanout',
  /** One batch of delivery rows of one channel sent (emails over the SMTP pool, LINE by multicast). */
  Send = 'send',
  /** Releases the deliveries held for office hours when they fall due, and re-queues lost batches (a job scheduler). */
  Release = 'release',
  /** One webhook delivery posted. */
  Webhook = 'webhook',
  /** The daily digest of every person who chose it (a job scheduler). */
  Digest = 'digest',
}

export interface NotificationJobData {
  [NotificationJob.FanOut]: NotifiableEvent;
  /** `deliveryId`: a job queued before batches (its delivery's batch id is its own id). */
  [NotificationJob.Send]: { batchId: string } | { deliveryId: string };
  [NotificationJob.Webhook]: { webhookDeliveryId: string };
  [NotificationJob.Digest]: Record<string, never>;
  [NotificationJob.Release]: Record<string, never>;
}

/**
 * Deterministic ids: an event relayed twice, a batch enqueued by a fan-out that ran twice or
 * again by the release sweep, are one job each. BullMQ forbids ":" in custom ids.
 */
export const notificationJobId = {
  fanOut: (eventId: string) => `fanout.${eventId}`,
  send: (batchId: string) => `send.${batchId}`,
  webhook: (deliveryId: string, replay: number) =>
    replay === 0 ? `webhook.${deliveryId}` : `webhook.${deliveryId}.r${replay}`,
};

/** Fan-out and sends: a few quick retries (a database or SMTP hiccup). */
export const SEND_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Webhooks: a subscriber that is down is tried again for about a day (1 s doubling, capped by
 * BullMQ's exponential backoff: 1, 2, 4 … s over 18 attempts); the log keeps every outcome and an
 * admin can replay.
 */
export const webhookJobOptions = (attempts: number, delayMs: number): JobsOptions => ({
  attempts,
  backoff: { type: 'exponential', delay: delayMs },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
});
