import { thaiSearchNormSql, thaiSearchPatternSql } from '@saraban/postgres';
import type { DataSource, EntityManager } from 'typeorm';

/** "นายสมประสงค์ วีระวัฒน์" for each person id found. */
export async function personDisplayNames(
  db: DataSource | EntityManager,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await db.query(
    'SELECT id, prefix || full_name AS name FROM people WHERE id = ANY($1::uuid[])',
    [personIds],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Of these ids, the active people of the organisation (others, or ids of another organisation, are dropped). */
export async function activePeopleAmong(
  db: DataSource | EntityManager,
  organisationId: string,
  personIds: readonly string[],
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows: { id: string }[] = await db.query(
    'SELECT id FROM people WHERE organisation_id = $1 AND active AND id = ANY($2::uuid[])',
    [organisationId, personIds],
  );
  return rows.map((r) => r.id);
}

/** The active people of an organisation with this role. */
export async function activePeopleWithRole(
  db: DataSource | EntityManager,
  organisationId: string,
  role: string,
): Promise<{ id: string; username: string }[]> {
  return db.query(
    'SELECT id, username FROM people WHERE organisation_id = $1 AND active AND $2 = ANY(roles)',
    [organisationId, role],
  );
}

/** Every active person of an organisation (id and username). */
export async function activePeopleOf(
  db: DataSource | EntityManager,
  organisationId: string,
): Promise<{ id: string; username: string }[]> {
  return db.query('SELECT id, username FROM people WHERE organisation_id = $1 AND active ORDER BY username', [
    organisationId,
  ]);
}

/** An organisation's id and name by id or code, or null. */
export async function organisationNameOf(
  db: DataSource | EntityManager,
  by: { id: string } | { code: string },
): Promise<{ id: string; name: string } | null> {
  const rows: { id: string; name: string }[] =
    'id' in by
      ? await db.query('SELECT id, name FROM organisations WHERE id = $1', [by.id])
      : await db.query('SELECT id, name FROM organisations WHERE code = $1', [by.code]);
  return rows[0] ?? null;
}

/**
 * A relation (SQL to embed) of the ids of the organisation's people whose name ("นายสมประสงค์
 * วีระวัฒน์") contains the term (`term` holds the LIKE-escaped text as typed), Thai-normalised;
 * served by people_name_trgm_idx. Former staff included: their memos are still found by name.
 */
export function peopleNamedSql(organisationId: string, term: string): string {
  return `SELECT pn.id FROM people pn
   WHERE pn.organisation_id = ${organisationId}
     AND ${thaiSearchNormSql('pn.prefix || pn.full_name')} ILIKE ${thaiSearchPatternSql(term)}`;
}
