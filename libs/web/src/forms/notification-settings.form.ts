import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** The preferences form: checkboxes `channels[kind][email|line]=on`, digest and quiet hours as `on`. */
export class NotificationSettingsForm {
  @IsOptional() @IsString() @MaxLength(254) email?: string;
  @IsOptional() @IsIn(['on']) emailDigest?: string;
  @IsOptional() @IsIn(['on']) quietHours?: string;
  @IsOptional() @IsObject() channels?: Record<string, Record<string, string>>;
}

export class LineChannelForm {
  @IsString() @MaxLength(200) channelSecret: string;
  @IsString() @MaxLength(2000) accessToken: string;
}

export class WebhookSubscriptionForm {
  @IsString() @MaxLength(2000) url: string;
  @IsOptional() @IsString() @MaxLength(200) description?: string;
  /** One checkbox per event type: a string for one, an array for several. */
  @IsOptional() events?: string | string[];
}
