import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import type { AuthUser } from './auth-user';
import { Session } from './entities/session.entity';
import {
  deleteEndedSessions,
  deleteAllSessions,
  deleteOtherSessions,
  liveSessionByToken,
  liveSessionsOf,
  touchSession,
} from './session.repository';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where a session was opened from, as shown to its owner. */
export interface SessionClient {
  userAgent?: string;
  address?: string;
}

/** One of a person's sessions, as their sessions page lists it. */
export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
}

const USER_AGENT_MAX = 512;

/**
 * Sessions (the statements are in session.repository.ts): opening a session, resolving a token on every request (with the idle and
 * absolute timeouts), a person's list of their own sessions, ending them, and deleting the ended
 * ones (the worker's maintenance job). Checking passwords is SignInService's.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session for a person whose password was checked; answers its bearer token. */
  async open(
    person: { id: string; organisationId: string },
    client: SessionClient = {},
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.db.getRepository(Session).insert({
      tokenHash: tokenHash(token),
      personId: person.id,
      organisationId: person.organisationId,
      expiresAt,
      userAgent: client.userAgent?.slice(0, USER_AGENT_MAX) || null,
      address: client.address || null,
    });
    return { token, expiresAt };
  }

  /** The user behind a token, or null when it is unknown, ended (idle or expired) or the person is inactive. */
  async resolve(token: string): Promise<AuthUser | null> {
    // Every authenticated request runs this: prepared, so PostgreSQL plans it once per connection.
    const row = await liveSessionByToken(this.db, tokenHash(token), this.config.SESSION_IDLE_MINUTES);
    if (!row) return null;
    if (row.stale) await touchSession(this.db, row.session_id);
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

  /** Ends the session behind a token, if there is one (signing out of a session that may have ended already). */
  async signOutToken(token: string): Promise<void> {
    await this.db.getRepository(Session).delete({ tokenHash: tokenHash(token) });
  }

  /** A person's live sessions, most recently used first. */
  async listActive(personId: string): Promise<ActiveSession[]> {
    const rows = await liveSessionsOf(this.db, personId, this.config.SESSION_IDLE_MINUTES);
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      expiresAt: r.expires_at,
      userAgent: r.user_agent,
      address: r.address,
    }));
  }

  /** Ends one of the person's own sessions; false when they have no such session. */
  async endOwn(personId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.getRepository(Session).delete({ id: sessionId, personId });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every session of the person but `keep` (signing out everywhere else); answers how many. */
  async endOthers(personId: string, keep: string): Promise<number> {
    return deleteOtherSessions(this.db, personId, keep);
  }

  /** Ends every session of the person (a new password set for them); answers how many. */
  async endAll(personId: string): Promise<number> {
    return deleteAllSessions(this.db, personId);
  }

  /** Deletes the sessions that have ended (past their absolute end or idle too long); answers how many. */
  async deleteExpired(): Promise<number> {
    return deleteEndedSessions(this.db, this.config.SESSION_IDLE_MINUTES);
  }
}
