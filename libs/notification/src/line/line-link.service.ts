import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LineRepository } from './line.repository';

/** A code lives ten minutes: long enough to open LINE and send it, short enough not to matter if seen. */
const CODE_TTL_MS = 10 * 60_000;

/** Codes are stored hashed; "link 123456" or just "123456" in a chat with the OA. */
const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/** Finds the code in what the user typed: six digits, Thai digits read as Arabic. */
export function linkCodeIn(text: string): string | null {
  const arabic = text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const m = /(?:^|\D)(\d{6})(?:\D|$)/.exec(arabic);
  return m ? m[1] : null;
}

/** Linking a person's LINE account: a one-time code from their profile, sent by them to the OA. */
@Injectable()
export class LineLinkService {
  constructor(private readonly repository: LineRepository) {}

  async newCode(organisationId: string, personId: string): Promise<{ code: string; expiresAt: Date }> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + CODE_TTL_MS);
    await this.repository.saveCode(organisationId, personId, hash(code), expiresAt);
    return { code, expiresAt };
  }

  /** The person the code belongs to, now linked to this LINE user; null for a wrong or old code. */
  redeem(organisationId: string, code: string, lineUserId: string): Promise<string | null> {
    return this.repository.redeemCode(organisationId, hash(code), lineUserId);
  }

  async status(
    personId: string,
  ): Promise<{ linked: boolean; linkedAt: Date | null; codeExpiresAt: Date | null }> {
    const [link, code] = await Promise.all([
      this.repository.link(personId),
      this.repository.codeOf(personId),
    ]);
    return {
      linked: link !== null,
      linkedAt: link?.linkedAt ?? null,
      codeExpiresAt: code?.expiresAt ?? null,
    };
  }

  unlink(personId: string): Promise<boolean> {
    return this.repository.unlink(personId);
  }

  lineUserOf(personId: string): Promise<string | null> {
    return this.repository.link(personId).then((l) => l?.lineUserId ?? null);
  }

  unfollowed(organisationId: string, lineUserId: string): Promise<void> {
    return this.repository.unlinkLineUser(organisationId, lineUserId);
  }
}
