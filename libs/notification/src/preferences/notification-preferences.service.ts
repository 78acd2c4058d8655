import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@saraban/auth';
import {
  DELIVERY_CHANNELS,
  NOTIFICATION_KINDS,
  type DeliveryChannel,
  type NotificationKind,
} from '../events/notification-kind';
import { PreferenceRepository } from './preference.repository';

export interface PreferencesView {
  email: string | null;
  emailDigest: boolean;
  quietHours: boolean;
  /** Per kind and channel: on or off (everything on by default). */
  channels: { kind: NotificationKind; email: boolean; line: boolean }[];
}

export interface PreferencesInput {
  email: string | null;
  emailDigest: boolean;
  quietHours: boolean;
  channels: { kind: NotificationKind; email: boolean; line: boolean }[];
}

/** A person's notification preferences: which events by which channel, digest, quiet hours. */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly repository: PreferenceRepository) {}

  async get(personId: string): Promise<PreferencesView> {
    const s = (await this.repository.forPeople([personId])).get(personId)!;
    const off = (kind: NotificationKind, channel: DeliveryChannel) =>
      s.disabled.some((d) => d.kind === kind && d.channel === channel);
    return {
      email: s.email,
      emailDigest: s.emailDigest,
      quietHours: s.quietHours,
      channels: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        email: !off(kind, 'email'),
        line: !off(kind, 'line'),
      })),
    };
  }

  async save(user: AuthUser, input: PreferencesInput): Promise<PreferencesView> {
    const given = new Map(input.channels.map((c) => [c.kind, c]));
    const disabled = NOTIFICATION_KINDS.flatMap((kind) =>
      DELIVERY_CHANNELS.filter((channel) => given.get(kind)?.[channel] === false).map((channel) => ({
        kind,
        channel,
      })),
    );
    await this.repository.save(user.organisationId, user.personId, {
      email: input.email?.trim() || null,
      emailDigest: input.emailDigest,
      quietHours: input.quietHours,
      disabled,
    });
    return this.get(user.personId);
  }
}
