import { Module } from '@nestjs/common';
import { OrganisationModule } from '@saraban/organisation';
import { NotificationAdminController } from './api/notification-admin.controller';
import { NotificationsController } from './api/notifications.controller';
import { NotificationInboxService } from './inbox/notification-inbox.service';
import { NotificationRepository } from './inbox/notification.repository';
import { LineChannelService } from './line/line-channel.service';
import { LineLinkService } from './line/line-link.service';
import { LineWebhookController } from './line/line-webhook.controller';
import { LineRepository } from './line/line.repository';
import { NotificationQueueModule } from './notification-queue.module';
import { NotificationPreferencesService } from './preferences/notification-preferences.service';
import { PreferenceRepository } from './preferences/preference.repository';
import { WebhookRepository } from './webhooks/webhook.repository';
import { WebhookSubscriptionService } from './webhooks/webhook-subscription.service';

/** The API side: my notifications and preferences, LINE (admin, link, webhook), outgoing webhooks (admin). */
@Module({
  imports: [OrganisationModule, NotificationQueueModule],
  controllers: [NotificationsController, NotificationAdminController, LineWebhookController],
  providers: [
    NotificationRepository,
    NotificationInboxService,
    PreferenceRepository,
    NotificationPreferencesService,
    LineRepository,
    LineChannelService,
    LineLinkService,
    WebhookRepository,
    WebhookSubscriptionService,
  ],
  exports: [
    NotificationInboxService,
    NotificationPreferencesService,
    LineChannelService,
    LineLinkService,
    WebhookSubscriptionService,
  ],
})
export class NotificationApiModule {}
