import type { EntityManager } from 'typeorm';
import { Organisation } from './entities/organisation.entity';
import { Person } from './entities/person.entity';

/* The emblem (organisations.emblem_png) and the signatures (people.signature_png): set and asked after. */

export async function setEmblemPng(
  manager: EntityManager,
  organisationId: string,
  png: Buffer | null,
): Promise<void> {
  await manager.getRepository(Organisation).update({ id: organisationId }, { emblemPng: png });
}

export async function setSignaturePng(
  manager: EntityManager,
  personId: string,
  png: Buffer | null,
): Promise<void> {
  await manager.getRepository(Person).update({ id: personId }, { signaturePng: png });
}

export async function hasSignaturePng(manager: EntityManager, personId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM people WHERE id = $1 AND signature_png IS NOT NULL',
    [personId],
  );
  return rows.length > 0;
}

export async function hasEmblemPng(manager: EntityManager, organisationId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM organisations WHERE id = $1 AND emblem_png IS NOT NULL',
    [organisationId],
  );
  return rows.length > 0;
}
