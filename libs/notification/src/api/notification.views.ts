import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES } from '../events/notifiable-event';
import { NOTIFICATION_KINDS } from '../events/notification-kind';

export class NotificationItemDoc {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ example: 'งานใหม่รอดำเนินการ' }) kindLabel: string;
  @ApiProperty({ nullable: true }) memoId: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, example: 'นพ ๗๑๕๐๑/๑๒' }) documentNo: string | null;
  @ApiProperty({ enum: ['normal', 'urgent', 'very_urgent', 'most_urgent'] }) urgency: string;
  @ApiProperty() urgencyLabel: string;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'Deep link to the memo (PUBLIC_BASE_URL)' }) link: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true }) readAt: Date | null;
}

export class NotificationListDoc {
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
  @ApiProperty({ type: [NotificationItemDoc] }) items: NotificationItemDoc[];
}

export class WebhookSubscriptionDoc {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty() description: string;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({
    description:
      'Only in the answer to its creation: the signing secret (Standard Webhooks, `whsec_` + base64). ' +
      'Verify `webhook-signature` over "webhook-id.webhook-timestamp.body" with it (e.g. the `standardwebhooks` package).',
  })
  secret?: string;
}

export class WebhookDeliveryDoc {
  @ApiProperty({ description: 'Also the `webhook-id` header: the same on retries and replays' }) id: string;
  @ApiProperty() subscriptionId: string;
  @ApiProperty() url: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty() replays: number;
  @ApiProperty({ nullable: true }) lastStatus: number | null;
  @ApiProperty({ nullable: true }) lastError: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true }) deliveredAt: Date | null;
}

export class LineStatusDoc {
  @ApiProperty() configured: boolean;
  @ApiProperty({ nullable: true }) updatedAt: Date | null;
  @ApiProperty({ description: 'Enter this as the webhook URL in the LINE Developers console' })
  webhookUrl: string;
}

export class LineLinkDoc {
  @ApiProperty() linked: boolean;
  @ApiProperty({ nullable: true }) linkedAt: Date | null;
  @ApiProperty({ nullable: true }) codeExpiresAt: Date | null;
}

export class LineLinkCodeDoc {
  @ApiProperty({ example: '042311', description: 'Send it to the organisation’s LINE OA within ten minutes' })
  code: string;
  @ApiProperty() expiresAt: Date;
}
