import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from '../events/notifiable-event';
import { NOTIFICATION_KINDS, NotificationKind } from '../events/notification-kind';
import { PageQuery } from '@saraban/paging';
import { NOTIFICATION_INPUT_LIMITS } from './notification-input.schema';

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;
}

/*
 * The settings bodies as the OpenAPI document describes them. What they may hold is said once,
 * by notificationInputSchemas, which the API and the web's settings forms validate with.
 */

export class ChannelPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty()
  email: boolean;

  @ApiProperty()
  line: boolean;
}

export class PreferencesDto {
  @ApiProperty({
    nullable: true,
    format: 'email',
    maxLength: NOTIFICATION_INPUT_LIMITS.email,
    description: 'Where notification emails go; null: no emails',
  })
  email: string | null;

  @ApiProperty({
    description: 'One email a day (the digest) instead of one per event; ด่วนที่สุด still goes at once',
  })
  emailDigest: boolean;

  @ApiProperty({ description: 'Outside office hours only ด่วนที่สุด goes out; the rest waits for the morning' })
  quietHours: boolean;

  @ApiProperty({ type: [ChannelPreferenceDto], maxItems: 20 })
  channels: ChannelPreferenceDto[];
}

export class LineChannelDto {
  @ApiProperty({
    minLength: NOTIFICATION_INPUT_LIMITS.lineSecretMin,
    maxLength: NOTIFICATION_INPUT_LIMITS.lineSecret,
    description: 'The channel secret of the LINE Official Account (Basic settings)',
  })
  channelSecret: string;

  @ApiProperty({
    minLength: NOTIFICATION_INPUT_LIMITS.lineSecretMin,
    maxLength: NOTIFICATION_INPUT_LIMITS.lineToken,
    description: 'A long-lived channel access token (Messaging API tab)',
  })
  accessToken: string;
}

export class WebhookSubscriptionDto {
  @ApiProperty({
    format: 'uri',
    maxLength: NOTIFICATION_INPUT_LIMITS.webhookUrl,
    example: 'https://integrator.example/hooks/saraban',
  })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1 })
  events: string[];

  @ApiPropertyOptional({ maxLength: NOTIFICATION_INPUT_LIMITS.webhookDescription })
  description?: string;
}

export class WebhookActiveDto {
  @ApiProperty()
  active: boolean;
}
