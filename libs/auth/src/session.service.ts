import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { queryPrepared } from '@saraban/postgres';
import type { Role } from '@saraban/organisation';
import type { AuthUser } from './auth-user';
import { Session } from './entities/session.entity';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.util';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface SessionRow {
  session_id: string;
  person_id: string;
  organisation_id: string;
  organisation_code: string;
  username: string;
  prefix: string;
  full_name: string;
  roles: Role[];
}

const RESOLVE_SQL = `SELECT s.id AS session_id, p.id AS person_id, p.organisation_id, o.code AS organisation_code,
    p.username, p.prefix, p.full_name, p.roles
  FROM sessions s
  JOIN people p ON p.id = s.person_id AND p.active
  JOIN organisations o ON o.id = p.organisation_id
 WHERE s.token_hash = $1 AND s.expires_at > now()`;

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the password and opens a session; the same error whether the user or the password is wrong. */
  async signIn(
    organisationCode: string,
    username: string,
    password: string,
  ): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const rows: { id: string; organisation_id: string; password_hash: string | null }[] = await this.db.query(
      `SELECT p.id, p.organisation_id, p.password_hash
         FROM people p JOIN organisations o ON o.id = p.organisation_id
        WHERE o.code = $1 AND p.username = $2 AND p.active`,
      [organisationCode, username],
    );
    const person = rows[0];
    const ok = await verifyPassword(password, person?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!person || !person.password_hash || !ok) throw new AppException(ErrorCode.InvalidCredentials);

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.db.getRepository(Session).insert({
      tokenHash: tokenHash(token),
      personId: person.id,
      organisationId: person.organisation_id,
      expiresAt,
    });
    const user = await this.resolve(token);
    if (!user) throw new AppException(ErrorCode.InternalError);
    return { token, expiresAt, user };
  }

  /** The user behind a bearer token, or null when it is unknown, expired or the person is inactive. */
  async resolve(token: string): Promise<AuthUser | null> {
    // Every authenticated request runs this: prepared, so PostgreSQL plans it once per connection.
    const rows = await queryPrepared<SessionRow>(this.db, RESOLVE_SQL, [tokenHash(token)]);
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.session_id,
      personId: row.person_id,
      organisationId: row.organisation_id,
      organisationCode: row.organisation_code,
      username: row.username,
      prefix: row.prefix,
      fullName: row.full_name,
      roles: row.roles,
    };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).delete({ id: sessionId });
  }
}
