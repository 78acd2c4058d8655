import { Module } from '@nestjs/common';
import { ApprovalModule } from '@saraban/approval';
import { OrganisationModule } from '@saraban/organisation';
import { DeliveryReleaseService } from './delivery/delivery-release.service';
import { DeliveryRepository } from './delivery/delivery.repository';
import { DeliveryService } from './delivery/delivery.service';
import { DigestService } from './digest/digest.service';
import { MailSender } from './email/mail-sender.service';
import { MailTemplates } from './email/mail-templates.service';
import { NotificationFanOutService } from './fanout/notification-fanout.service';
import { RecipientResolver } from './fanout/recipient.resolver';
import { NotificationRepository } from './inbox/notification.repository';
import { LineChannelService } from './line/line-channel.service';
import { LineRepository } from './line/line.repository';
import { NotificationQueueModule } from './notification-queue.module';
import { PreferenceRepository } from './preferences/preference.repository';
import { WebhookRepository } from './webhooks/webhook.repository';
import { WebhookSenderService } from './webhooks/webhook-sender.service';
import { WebhookSubscriptionService } from './webhooks/webhook-subscription.service';
import { NotificationProcessor } from './worker/notification.processor';

/** The worker side: fan-out of outbox events, email and LINE sends, webhook posts, the daily digest. */
@Module({
  imports: [ApprovalModule, OrganisationModule, NotificationQueueModule],
  providers: [
    RecipientResolver,
    NotificationFanOutService,
    NotificationRepository,
    DeliveryRepository,
    DeliveryService,
    DeliveryReleaseService,
    PreferenceRepository,
    MailTemplates,
    MailSender,
    LineRepository,
    LineChannelService,
    WebhookRepository,
    WebhookSubscriptionService,
    WebhookSenderService,
    DigestService,
    NotificationProcessor,
  ],
  exports: [NotificationFanOutService, DigestService],
})
export class NotificationWorkerModule {}
