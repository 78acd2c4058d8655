import type { DataSource, EntityManager } from 'typeorm';

/** Of these ids, the units of the organisation, with their names (ids of another organisation are dropped). */
export async function unitNamesAmong(
  db: DataSource | EntityManager,
  organisationId: string,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await db.query(
    'SELECT id, name FROM units WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
    [organisationId, unitIds],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A relation (SQL to embed) of `unit_id`: the units a person belongs to, their own unit and the
 * units of the posts they hold (a copy to สำนักปลัด reaches its head too).
 */
export function unitsOfPersonSql(organisation: string, person: string): string {
  return `SELECT up.unit_id FROM people up
   WHERE up.id = ${person} AND up.organisation_id = ${organisation} AND up.unit_id IS NOT NULL
  UNION
  SELECT upos.unit_id FROM person_positions upp JOIN positions upos ON upos.id = upp.position_id
   WHERE upp.person_id = ${person} AND upp.organisation_id = ${organisation} AND upos.unit_id IS NOT NULL`;
}

/**
 * The active people a copy to these units reaches: members of a unit and holders of its posts
 * (the rule of unitsOfPersonSql, the other way round).
 */
export async function activePeopleOfUnits(
  db: DataSource | EntityManager,
  organisationId: string,
  unitIds: readonly string[],
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows: { id: string }[] = await db.query(
    `SELECT p.id FROM people p
      WHERE p.organisation_id = $1 AND p.active AND p.unit_id = ANY($2::uuid[])
     UNION
     SELECT p.id FROM people p
       JOIN person_positions pp ON pp.person_id = p.id AND pp.organisation_id = p.organisation_id
       JOIN positions pos ON pos.id = pp.position_id
      WHERE p.organisation_id = $1 AND p.active AND pos.unit_id = ANY($2::uuid[])`,
    [organisationId, unitIds],
  );
  return rows.map((r) => r.id);
}
