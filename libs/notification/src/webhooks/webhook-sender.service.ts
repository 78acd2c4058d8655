import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { BlockList } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { allowedNetworks, BlockedAddressError, checkHost, guardedLookup } from './webhook-address.util';
import { WebhookRepository } from './webhook.repository';
import { WebhookSubscriptionService } from './webhook-subscription.service';

/** A subscriber that answers slower than this is treated as down; the delivery is retried. */
const TIMEOUT_MS = 10_000;

/**
 * Posts one logged delivery, signed as Standard Webhooks says: `webhook-id` (the delivery's id,
 * the same on every retry and replay, so receivers can drop duplicates), `webhook-timestamp`,
 * `webhook-signature` (HMAC-SHA256 of "id.timestamp.body" with the subscription's secret).
 * A non-2xx answer or no answer throws: BullMQ retries with backoff. The connection goes only
 * to addresses a webhook may reach (checked on the very address it connects to; redirects are
 * not followed); an internal address fails the delivery for good.
 */
@Injectable()
export class WebhookSenderService {
  private readonly allowed: BlockList;

  constructor(
    private readonly repository: WebhookRepository,
    private readonly subscriptions: WebhookSubscriptionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.allowed = allowedNetworks(config.WEBHOOK_ALLOWED_NETWORKS);
  }

  async send(deliveryId: string, final: boolean): Promise<'delivered' | 'gone' | 'refused'> {
    const d = await this.repository.delivery(deliveryId);
    if (!d || !d.active) return 'gone';
    if (d.status === 'delivered') return 'delivered';
    const body = JSON.stringify({ type: d.eventType, timestamp: d.createdAt.toISOString(), data: d.payload });
    const at = new Date();
    const signature = new Webhook(this.subscriptions.secretOf(d.sealedSecret)).sign(d.id, at, body);
    let status: number | null = null;
    try {
      status = await this.post(new URL(d.url), body, {
        'content-type': 'application/json',
        'user-agent': 'SarabanFlow-Webhooks/1',
        'webhook-id': d.id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      });
      if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof BlockedAddressError) {
        // Retrying would reach the same address: logged as failed now.
        await this.repository.recordAttempt(d.id, { status, error: message, delivered: false, final: true });
        return 'refused';
      }
      await this.repository.recordAttempt(d.id, { status, error: message, delivered: false, final });
      throw error;
    }
    await this.repository.recordAttempt(d.id, { status, error: null, delivered: true, final });
    return 'delivered';
  }

  /** POSTs the body; answers the status. Names are resolved through the guard, literal addresses checked first. */
  private async post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    await checkHost(url.hostname, this.allowed);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          lookup: guardedLookup(this.allowed),
          timeout: TIMEOUT_MS,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}
