import type { DataSource } from 'typeorm';
import type { AppConfig } from '@saraban/config';
import { activePeopleOf, organisationNameOf } from '@saraban/organisation';
import { LineChannelService } from '../line/line-channel.service';
import { LineLinkService } from '../line/line-link.service';
import { LineRepository } from '../line/line.repository';
import { PreferenceRepository } from '../preferences/preference.repository';

/** The demo's LINE OA (the LINE double accepts any token; the secret signs simulated webhooks). */
export const DEMO_LINE_CHANNEL_SECRET = 'demo-line-channel-secret-0123456789';
export const DEMO_LINE_ACCESS_TOKEN = 'demo-line-access-token-0123456789';

/**
 * For the demo only: every active person of the organisation gets `<username>@<code>.demo.local`
 * as notification email (quiet hours off, so the demo shows mail at any hour), the organisation
 * a LINE OA pointing at the LINE double, and each person a LINE link (user `Udemo-<username>`),
 * as if they had sent their code. Real people set these on their profile page.
 */
export async function setUpDemoNotifications(
  db: DataSource,
  config: AppConfig,
  organisationCode: string,
): Promise<string[]> {
  const org = await organisationNameOf(db, { code: organisationCode });
  if (!org) throw new Error(`no organisation ${organisationCode}`);
  const people = await activePeopleOf(db, org.id);
  const prefs = new PreferenceRepository(db);
  const lineRepository = new LineRepository(db);
  await new LineChannelService(lineRepository, config).save(
    org.id,
    people[0]?.id ?? org.id,
    DEMO_LINE_CHANNEL_SECRET,
    DEMO_LINE_ACCESS_TOKEN,
  );
  const links = new LineLinkService(lineRepository);
  const emails: string[] = [];
  for (const p of people) {
    const email = `${p.username}@${organisationCode}.demo.local`;
    await prefs.save(org.id, p.id, { email, emailDigest: false, quietHours: false, disabled: [] });
    const { code } = await links.newCode(org.id, p.id);
    await links.redeem(org.id, code, `Udemo-${p.username}`);
    emails.push(email);
  }
  return emails;
}
