import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';

/** `line_channels`, `line_links` and `line_link_codes`: an organisation's OA and its people's links. */
@Injectable()
export class LineRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async saveChannel(
    organisationId: string,
    sealedSecret: Buffer,
    sealedToken: Buffer,
    by: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO line_channels (organisation_id, sealed_secret, sealed_token, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (organisation_id) DO UPDATE SET sealed_secret = EXCLUDED.sealed_secret,
         sealed_token = EXCLUDED.sealed_token, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organisationId, sealedSecret, sealedToken, by],
    );
  }

  async channel(
    organisationId: string,
  ): Promise<{ sealedSecret: Buffer; sealedToken: Buffer; updatedAt: Date } | null> {
    const rows: { sealed_secret: Buffer; sealed_token: Buffer; updated_at: Date }[] = await this.db.query(
      'SELECT sealed_secret, sealed_token, updated_at FROM line_channels WHERE organisation_id = $1',
      [organisationId],
    );
    return rows[0]
      ? {
          sealedSecret: rows[0].sealed_secret,
          sealedToken: rows[0].sealed_token,
          updatedAt: rows[0].updated_at,
        }
      : null;
  }

  async deleteChannel(organisationId: string): Promise<void> {
    await this.db.query('DELETE FROM line_channels WHERE organisation_id = $1', [organisationId]);
  }

  /** One live code per person: a new one replaces the old. */
  async saveCode(organisationId: string, personId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO line_link_codes (person_id, organisation_id, code_hash, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
         organisation_id = EXCLUDED.organisation_id`,
      [personId, organisationId, codeHash, expiresAt],
    );
  }

  async codeOf(personId: string): Promise<{ expiresAt: Date } | null> {
    const rows: { expires_at: Date }[] = await this.db.query(
      'SELECT expires_at FROM line_link_codes WHERE person_id = $1 AND expires_at > now()',
      [personId],
    );
    return rows[0] ? { expiresAt: rows[0].expires_at } : null;
  }

  /**
   * Uses a code (once: it is deleted in the same statement) and links its person to the LINE
   * user; a LINE user linked to someone else before is moved. Answers the person, or null for a
   * wrong or expired code.
   */
  async redeemCode(organisationId: string, codeHash: string, lineUserId: string): Promise<string | null> {
    return this.db.transaction(async (m) => {
      const rows = await queryPrepared<{ person_id: string }>(
        m,
        `DELETE FROM line_link_codes WHERE organisation_id = $1 AND code_hash = $2 AND expires_at > now()
         RETURNING person_id`,
        [organisationId, codeHash],
      );
      const personId = rows[0]?.person_id;
      if (!personId) return null;
      await m.query('DELETE FROM line_links WHERE organisation_id = $1 AND line_user_id = $2', [
        organisationId,
        lineUserId,
      ]);
      await m.query(
        `INSERT INTO line_links (person_id, organisation_id, line_user_id, linked_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (person_id) DO UPDATE SET line_user_id = EXCLUDED.line_user_id, linked_at = now()`,
        [personId, organisationId, lineUserId],
      );
      return personId;
    });
  }

  async link(personId: string): Promise<{ lineUserId: string; linkedAt: Date } | null> {
    const rows: { line_user_id: string; linked_at: Date }[] = await this.db.query(
      'SELECT line_user_id, linked_at FROM line_links WHERE person_id = $1',
      [personId],
    );
    return rows[0] ? { lineUserId: rows[0].line_user_id, linkedAt: rows[0].linked_at } : null;
  }

  async unlink(personId: string): Promise<boolean> {
    const rows = await queryPrepared<unknown>(
      this.db,
      'DELETE FROM line_links WHERE person_id = $1 RETURNING person_id',
      [personId],
    );
    return rows.length > 0;
  }

  /** The LINE user unfollowed the OA: pushes to them would fail. */
  async unlinkLineUser(organisationId: string, lineUserId: string): Promise<void> {
    await this.db.query('DELETE FROM line_links WHERE organisation_id = $1 AND line_user_id = $2', [
      organisationId,
      lineUserId,
    ]);
  }
}
