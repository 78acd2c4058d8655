import { Injectable, Logger } from '@nestjs/common';
import { formatThaiDate } from '@saraban/thai-format';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { DeliveryService } from '../delivery/delivery.service';
import { notificationContext } from '../delivery/delivery-content.util';
import { MailSender } from '../email/mail-sender.service';
import { MailTemplates } from '../email/mail-templates.service';
import { NotificationRepository } from '../inbox/notification.repository';
import { PreferenceRepository } from '../preferences/preference.repository';

/**
 * The daily digest: one email per person who chose it, listing the notifications whose emails
 * waited for it. The deliveries are claimed (marked sent) before the send and put back if the
 * send fails, so a digest job that runs twice sends each item once.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger('NotificationDigest');

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly notifications: NotificationRepository,
    private readonly preferences: PreferenceRepository,
    private readonly templates: MailTemplates,
    private readonly mail: MailSender,
    private readonly people: DeliveryService,
  ) {}

  async sendAll(now = new Date()): Promise<number> {
    let sent = 0;
    for (const batch of await this.deliveries.digestBatches()) {
      const settings = (await this.preferences.forPeople([batch.personId])).get(batch.personId)!;
      if (!settings.email) continue;
      const claimed = await this.deliveries.claimDigest(batch.deliveryIds);
      if (claimed.length === 0) continue;
      const claimedSet = new Set(claimed);
      const nids = batch.notificationIds.filter((_, i) => claimedSet.has(batch.deliveryIds[i]));
      const items = (await this.notifications.byIds(nids))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map(notificationContext);
      const mail = this.templates.render('digest', {
        recipientName: await this.people.personName(batch.personId),
        organisationName: await this.people.organisationName(batch.organisationId),
        settingsLink: this.people.settingsLink(),
        date: formatThaiDate(now),
        count: items.length,
        items,
      });
      try {
        await this.mail.send(settings.email, mail, `digest-${claimed[0]}`);
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.deliveries.unclaimDigest(claimed, message);
        this.logger.warn(`digest for ${batch.personId}: ${message}`);
      }
    }
    return sent;
  }
}
