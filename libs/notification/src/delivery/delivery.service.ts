import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { organisationNameOf, personDisplayNames } from '@saraban/organisation';
import { MailSender } from '../email/mail-sender.service';
import { MailTemplates } from '../email/mail-templates.service';
import { LineChannelService } from '../line/line-channel.service';
import { notificationContext } from './delivery-content.util';
import { DeliveryRepository } from './delivery.repository';

export type SendOutcome = 'sent' | 'already-sent' | 'skipped' | 'not-yet';

/** Names change rarely; a send reads them from here for a minute. */
const NAME_TTL_MS = 60_000;

/**
 * Sends one delivery row by its channel. The row is the key: a job that runs again after the
 * send was recorded sends nothing; a LINE push carries the delivery id as X-Line-Retry-Key
 * (LINE accepts a key once) and an email the delivery id as its Message-ID, so even a send
 * whose acknowledgement was lost is recognised downstream.
 */
@Injectable()
export class DeliveryService {
  private readonly names = new Map<string, { name: string; at: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly templates: MailTemplates,
    private readonly mail: MailSender,
    private readonly line: LineChannelService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(deliveryId: string, final: boolean): Promise<SendOutcome> {
    const d = await this.deliveries.forSend(deliveryId);
    if (!d) return 'skipped';
    if (d.status === 'sent') return 'already-sent';
    if (d.status !== 'pending' && d.status !== 'held') return 'skipped';
    if (d.dueAt.getTime() > Date.now() + 1000) return 'not-yet';
    try {
      if (d.channel === 'email') {
        if (!d.email) {
          await this.deliveries.markSkipped(d.id, 'no email address');
          return 'skipped';
        }
        const [recipientName, organisationName] = await Promise.all([
          this.personName(d.personId),
          this.organisationName(d.organisationId),
        ]);
        const mail = this.templates.render('notification', {
          ...notificationContext(d.notification),
          recipientName,
          organisationName,
          settingsLink: this.settingsLink(),
        });
        await this.mail.send(d.email, mail, d.id);
      } else {
        const client = d.lineUserId ? await this.line.client(d.organisationId) : null;
        if (!d.lineUserId || !client) {
          await this.deliveries.markSkipped(d.id, d.lineUserId ? 'no LINE channel' : 'LINE not linked');
          return 'skipped';
        }
        await client.pushMessage(
          {
            to: d.lineUserId,
            messages: [{ type: 'text', text: this.templates.linePush(notificationContext(d.notification)) }],
          },
          d.id,
        );
      }
    } catch (error) {
      await this.deliveries.markFailed(d.id, error instanceof Error ? error.message : String(error), final);
      throw error;
    }
    await this.deliveries.markSent(d.id);
    return 'sent';
  }

  settingsLink(): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/app/me/notifications`;
  }

  personName(personId: string): Promise<string> {
    return this.cachedName(
      `p:${personId}`,
      async () => (await personDisplayNames(this.db, [personId])).get(personId) ?? '',
    );
  }

  organisationName(organisationId: string): Promise<string> {
    return this.cachedName(
      `o:${organisationId}`,
      async () => (await organisationNameOf(this.db, { id: organisationId }))?.name ?? '',
    );
  }

  private async cachedName(key: string, read: () => Promise<string>): Promise<string> {
    const hit = this.names.get(key);
    if (hit && Date.now() - hit.at < NAME_TTL_MS) return hit.name;
    const name = await read();
    if (this.names.size > 10_000) this.names.clear();
    this.names.set(key, { name, at: Date.now() });
    return name;
  }
}
