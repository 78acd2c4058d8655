import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { WebhookRepository } from './webhook.repository';
import { WebhookSubscriptionService } from './webhook-subscription.service';

/** A subscriber that answers slower than this is treated as down; the delivery is retried. */
const TIMEOUT_MS = 10_000;

/**
 * Posts one logged delivery, signed as Standard Webhooks says: `webhook-id` (the delivery's id,
 * the same on every retry and replay, so receivers can drop duplicates), `webhook-timestamp`,
 * `webhook-signature` (HMAC-SHA256 of "id.timestamp.body" with the subscription's secret).
 * A non-2xx answer or no answer throws: BullMQ retries with backoff.
 */
@Injectable()
export class WebhookSenderService {
  constructor(
    private readonly repository: WebhookRepository,
    private readonly subscriptions: WebhookSubscriptionService,
  ) {}

  async send(deliveryId: string, final: boolean): Promise<'delivered' | 'gone'> {
    const d = await this.repository.delivery(deliveryId);
    if (!d || !d.active) return 'gone';
    if (d.status === 'delivered') return 'delivered';
    const body = JSON.stringify({ type: d.eventType, timestamp: d.createdAt.toISOString(), data: d.payload });
    const at = new Date();
    const signature = new Webhook(this.subscriptions.secretOf(d.sealedSecret)).sign(d.id, at, body);
    let status: number | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SarabanFlow-Webhooks/1',
          'webhook-id': d.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.repository.recordAttempt(d.id, { status, error: message, delivered: false, final });
      throw error;
    }
    await this.repository.recordAttempt(d.id, { status, error: null, delivered: true, final });
    return 'delivered';
  }
}
