import { randomBytes } from 'node:crypto';
import type { BlockList } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { seal, sealingKey, unseal } from '@saraban/certificates';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { NotificationQueueService } from '../queue/notification-queue.service';
import { allowedNetworks, BlockedAddressError, checkHost } from './webhook-address.util';
import {
  WebhookRepository,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRow,
} from './webhook.repository';

export interface NewSubscription {
  url: string;
  events: string[];
  description?: string;
}

/** An organisation's outgoing webhooks: subscriptions (with their signing secret) and the delivery log. */
@Injectable()
export class WebhookSubscriptionService {
  private readonly key: Buffer;
  private readonly allowed: BlockList;

  constructor(
    private readonly repository: WebhookRepository,
    private readonly queue: NotificationQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = sealingKey(config.SIGNING_KEY_SECRET, 'webhook-secrets');
    this.allowed = allowedNetworks(config.WEBHOOK_ALLOWED_NETWORKS);
  }

  /** Creates a subscription; its secret (Standard Webhooks `whsec_…`) is shown this once. */
  async create(
    organisationId: string,
    by: string,
    s: NewSubscription,
  ): Promise<{ subscription: WebhookSubscriptionRow; secret: string }> {
    const url = new URL(s.url);
    if (this.config.NODE_ENV === 'production' && url.protocol !== 'https:') {
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'url', problems: ['ต้องเป็นที่อยู่ https'] }]);
    }
    await this.refuseInternal(url);
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const subscription = await this.repository.create(organisationId, {
      url: url.toString(),
      events: [...new Set(s.events)],
      description: s.description?.trim() ?? '',
      sealedSecret: seal(this.key, Buffer.from(secret)),
      createdBy: by,
    });
    return { subscription, secret };
  }

  /**
   * A subscription may not point into the deployment's own networks (SSRF: the worker would post
   * to this host, the cloud metadata service or an internal system on the admin's behalf),
   * unless WEBHOOK_ALLOWED_NETWORKS allows that network. Checked again at every send.
   */
  private async refuseInternal(url: URL): Promise<void> {
    try {
      await checkHost(url.hostname, this.allowed);
    } catch (error) {
      const problem =
        error instanceof BlockedAddressError
          ? 'ที่อยู่นี้ชี้ไปยังเครือข่ายภายในของระบบ ไม่อนุญาตให้ส่ง webhook ไปยังที่อยู่นี้'
          : 'ไม่พบชื่อโดเมนนี้ กรุณาตรวจสอบที่อยู่';
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'url', problems: [problem] }]);
    }
  }

  list(organisationId: string): Promise<WebhookSubscriptionRow[]> {
    return this.repository.list(organisationId);
  }

  async setActive(organisationId: string, id: string, active: boolean): Promise<void> {
    if (!(await this.repository.setActive(organisationId, id, active)))
      throw new AppException(ErrorCode.NotFound);
  }

  async remove(organisationId: string, id: string): Promise<void> {
    if (!(await this.repository.delete(organisationId, id))) throw new AppException(ErrorCode.NotFound);
  }

  log(organisationId: string, limit?: number): Promise<WebhookDeliveryRow[]> {
    return this.repository.log(organisationId, limit);
  }

  /** Sends a logged delivery again (a new job: the earlier one may have given up). */
  async replay(organisationId: string, deliveryId: string): Promise<void> {
    const replays = await this.repository.replay(organisationId, deliveryId);
    if (replays === null) throw new AppException(ErrorCode.NotFound);
    await this.queue.enqueueWebhooks([{ id: deliveryId, replays }]);
  }

  secretOf(sealed: Buffer): string {
    return unseal(this.key, sealed).toString();
  }
}
