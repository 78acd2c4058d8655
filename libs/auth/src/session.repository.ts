import type { DataSource } from 'typeorm';
import { activeAccountsSql, type Role } from '@saraban/organisation';
import { queryPrepared } from '@saraban/postgres';

/* The statements on sessions beside TypeORM's inserts and deletes by key. */

export interface SessionRow {
  session_id: string;
  person_id: string;
  organisation_id: string;
  organisation_code: string;
  username: string;
  prefix: string;
  full_name: string;
  roles: Role[];
  stale: boolean;
}

/** A live session: not past its absolute end, used within the idle timeout ($2 minutes). */
const LIVE = `s.expires_at > now() AND s.last_used_at > now() - make_interval(mins => $2::int)`;

let resolveSqlText: string | undefined;

/**
 * The statement, built on first use: the accounts relation comes from @saraban/organisation,
 * which imports this library too (its controllers use the guards), so it is not ready while
 * this module loads.
 */
function resolveSql(): string {
  resolveSqlText ??= `SELECT s.id AS session_id, p.id AS person_id, p.organisation_id, p.organisation_code,
    p.username, p.prefix, p.full_name, p.roles, s.last_used_at < now() - interval '1 minute' AS stale
  FROM sessions s
  JOIN (${activeAccountsSql()}) p ON p.id = s.person_id
 WHERE s.token_hash = $1 AND ${LIVE}`;
  return resolveSqlText;
}

/** Written at most once a minute per session: the idle timeout needs no more precision than that. */
const TOUCH_SQL = `UPDATE sessions SET last_used_at = now() WHERE id = $1 AND last_used_at < now() - interval '1 minute'`;

/** The live session of a token hash with its person (active accounts only); null otherwise. */
export async function liveSessionByToken(
  db: DataSource,
  tokenHash: string,
  idleMinutes: number,
): Promise<SessionRow | null> {
  // Every authenticated request runs this: prepared, so PostgreSQL plans it once per connection.
  const rows = await queryPrepared<SessionRow>(db, resolveSql(), [tokenHash, idleMinutes]);
  return rows[0] ?? null;
}

/** Marks the session used now (at most once a minute). */
export async function touchSession(db: DataSource, sessionId: string): Promise<void> {
  await queryPrepared(db, TOUCH_SQL, [sessionId]);
}

/** A person's live sessions, most recently used first. */
export function liveSessionsOf(
  db: DataSource,
  personId: string,
  idleMinutes: number,
): Promise<
  {
    id: string;
    created_at: Date;
    last_used_at: Date;
    expires_at: Date;
    user_agent: string | null;
    address: string | null;
  }[]
> {
  return db.query(
    `SELECT s.id, s.created_at, s.last_used_at, s.expires_at, s.user_agent, s.address
       FROM sessions s
      WHERE s.person_id = $1 AND ${LIVE}
      ORDER BY s.last_used_at DESC, s.created_at DESC`,
    [personId, idleMinutes],
  );
}

/** Deletes every session of the person but `keep`; answers how many. */
export async function deleteOtherSessions(db: DataSource, personId: string, keep: string): Promise<number> {
  const rows = await queryPrepared(
    db,
    `DELETE FROM sessions WHERE person_id = $1 AND id <> $2 RETURNING id`,
    [personId, keep],
  );
  return rows.length;
}

/** Deletes every session of the person (a new password set for them); answers how many. */
export async function deleteAllSessions(db: DataSource, personId: string): Promise<number> {
  const rows = await queryPrepared(db, `DELETE FROM sessions WHERE person_id = $1 RETURNING id`, [personId]);
  return rows.length;
}

/** Deletes the sessions past their absolute end or idle too long; answers how many. */
export async function deleteEndedSessions(db: DataSource, idleMinutes: number): Promise<number> {
  const rows = await queryPrepared(
    db,
    `DELETE FROM sessions
      WHERE expires_at <= now() OR last_used_at <= now() - make_interval(mins => $1::int)
    RETURNING id`,
    [idleMinutes],
  );
  return rows.length;
}

/** A person's id, organisation and password hash by organisation code and username (active accounts only). */
export async function accountForSignIn(
  db: DataSource,
  organisationCode: string,
  username: string,
): Promise<{ id: string; organisation_id: string; password_hash: string | null } | null> {
  const rows: { id: string; organisation_id: string; password_hash: string | null }[] = await db.query(
    `SELECT p.id, p.organisation_id, p.password_hash
       FROM (${activeAccountsSql()}) p
      WHERE p.organisation_code = $1 AND p.username = $2`,
    [organisationCode, username],
  );
  return rows[0] ?? null;
}
