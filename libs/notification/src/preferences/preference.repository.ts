import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryChannel, NotificationKind } from '../events/notification-kind';

export interface PersonSettings {
  personId: string;
  email: string | null;
  emailDigest: boolean;
  quietHours: boolean;
  /** Only the channels a person turned off are stored: everything is on by default. */
  disabled: { kind: NotificationKind; channel: DeliveryChannel }[];
}

/** `notification_settings` and `notification_preferences`: each person's channels and quiet hours. */
@Injectable()
export class PreferenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forPeople(personIds: readonly string[]): Promise<Map<string, PersonSettings>> {
    const result = new Map<string, PersonSettings>(
      personIds.map((id) => [
        id,
        { personId: id, email: null, emailDigest: false, quietHours: true, disabled: [] },
      ]),
    );
    if (personIds.length === 0) return result;
    const [settings, prefs] = await Promise.all([
      this.db.query<
        { person_id: string; email: string | null; email_digest: boolean; quiet_hours: boolean }[]
      >(
        `SELECT person_id, email, email_digest, quiet_hours FROM notification_settings WHERE person_id = ANY($1::uuid[])`,
        [personIds],
      ),
      this.db.query<{ person_id: string; kind: NotificationKind; channel: DeliveryChannel }[]>(
        `SELECT person_id, kind, channel FROM notification_preferences
          WHERE person_id = ANY($1::uuid[]) AND NOT enabled`,
        [personIds],
      ),
    ]);
    for (const s of settings) {
      Object.assign(result.get(s.person_id)!, {
        email: s.email,
        emailDigest: s.email_digest,
        quietHours: s.quiet_hours,
      });
    }
    for (const p of prefs) result.get(p.person_id)?.disabled.push({ kind: p.kind, channel: p.channel });
    return result;
  }

  async save(organisationId: string, personId: string, s: Omit<PersonSettings, 'personId'>): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO notification_settings (person_id, organisation_id, email, email_digest, quiet_hours, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, email_digest = EXCLUDED.email_digest,
           quiet_hours = EXCLUDED.quiet_hours, updated_at = now()`,
        [personId, organisationId, s.email, s.emailDigest, s.quietHours],
      );
      await m.query('DELETE FROM notification_preferences WHERE person_id = $1', [personId]);
      if (s.disabled.length > 0) {
        await m.query(
          `INSERT INTO notification_preferences (person_id, kind, channel, enabled)
           SELECT $1, x.kind, x.channel, false FROM jsonb_to_recordset($2::jsonb) AS x(kind text, channel text)`,
          [personId, JSON.stringify(s.disabled)],
        );
      }
    });
  }
}
