import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from '../events/notifiable-event';
import { NOTIFICATION_KINDS, NotificationKind } from '../events/notification-kind';
import { PageQuery } from '@saraban/paging';

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;
}

export class ChannelPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @ApiProperty()
  @IsBoolean()
  email: boolean;

  @ApiProperty()
  @IsBoolean()
  line: boolean;
}

export class PreferencesDto {
  @ApiProperty({ nullable: true, description: 'Where notification emails go; null: no emails' })
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsEmail()
  @MaxLength(254)
  email: string | null;

  @ApiProperty({
    description: 'One email a day (the digest) instead of one per event; ด่วนที่สุด still goes at once',
  })
  @IsBoolean()
  emailDigest: boolean;

  @ApiProperty({ description: 'Outside office hours only ด่วนที่สุด goes out; the rest waits for the morning' })
  @IsBoolean()
  quietHours: boolean;

  @ApiProperty({ type: [ChannelPreferenceDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChannelPreferenceDto)
  channels: ChannelPreferenceDto[];
}

export class LineChannelDto {
  @ApiProperty({ description: 'The channel secret of the LINE Official Account (Basic settings)' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  channelSecret: string;

  @ApiProperty({ description: 'A long-lived channel access token (Messaging API tab)' })
  @IsString()
  @MinLength(16)
  @MaxLength(2000)
  accessToken: string;
}

export class WebhookSubscriptionDto {
  @ApiProperty({ example: 'https://integrator.example/hooks/saraban' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class WebhookActiveDto {
  @ApiProperty()
  @IsBoolean()
  active: boolean;
}
