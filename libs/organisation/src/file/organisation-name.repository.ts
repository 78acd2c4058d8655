import type { EntityManager } from 'typeorm';

/**
 * Another organisation (not `code`) whose name is `name` as people read it: the database's one
 * definition of "the same name" is organisation_name_key. Null when there is none.
 */
export async function organisationWithSameName(
  manager: EntityManager,
  name: string,
  code: string,
): Promise<{ code: string; name: string } | null> {
  const rows: { code: string; name: string }[] = await manager.query(
    `SELECT code, name FROM organisations WHERE name_key = organisation_name_key($1) AND code <> $2 LIMIT 1`,
    [name, code],
  );
  return rows[0] ?? null;
}
