import { type EntityManager, type FindOptionsWhere } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';
import { Organisation, type DigitPreference } from './entities/organisation.entity';
import { Position } from './entities/position.entity';

/** What other libraries may know of an organisation: its names, codes and digit style. */
export interface OrganisationSummary {
  id: string;
  code: string;
  name: string;
  registerCode: string;
  digits: DigitPreference;
}

/**
 * A sub-select of the organisation's numbering columns (`id`, `register_code`, `digits`) for a
 * numbering statement; `after` names relations joined in (e.g. a CTE taking a lock first).
 */
export function organisationNumberingSql(organisation: string, ...after: string[]): string {
  return `SELECT o.id, o.register_code, o.digits FROM organisations o${after.map((a) => `, ${a}`).join('')}
   WHERE o.id = ${organisation}`;
}

async function findSummary(
  manager: EntityManager,
  where: FindOptionsWhere<Organisation>,
): Promise<OrganisationSummary | null> {
  const o = await manager.findOne(Organisation, {
    where,
    select: { id: true, code: true, name: true, registerCode: true, digits: true },
  });
  return o ? { id: o.id, code: o.code, name: o.name, registerCode: o.registerCode, digits: o.digits } : null;
}

/** The organisation's summary, or null. */
export function findOrganisationSummary(
  manager: EntityManager,
  organisationId: string,
): Promise<OrganisationSummary | null> {
  return findSummary(manager, { id: organisationId });
}

/** The organisation's summary by its public code (the portal's address), or null. */
export function findOrganisationSummaryByCode(
  manager: EntityManager,
  code: string,
): Promise<OrganisationSummary | null> {
  return findSummary(manager, { code });
}

/** A post as other libraries see it. */
export interface PositionSummary {
  id: string;
  title: string;
  endorsementHeading: string | null;
}

/** An active post of the organisation, or null. */
export async function findActivePosition(
  manager: EntityManager,
  organisationId: string,
  positionId: string,
): Promise<PositionSummary | null> {
  const p = await manager.findOne(Position, { where: { id: positionId, organisationId, active: true } });
  return p ? { id: p.id, title: p.title, endorsementHeading: p.endorsementHeading } : null;
}

/** A unit's chain with its posts, one statement (a submission reads it on every draft it routes). */
const APPROVAL_CHAIN_SQL = `
  SELECT s.seq, s.position_id AS "positionId", p.id AS "id", p.title, p.endorsement_heading AS "endorsementHeading"
    FROM approval_chain_steps s
    LEFT JOIN positions p ON p.id = s.position_id AND p.organisation_id = s.organisation_id
   WHERE s.organisation_id = $1 AND s.unit_id = $2`;

/** A unit's approval chain as it is now (its steps, unordered, and their posts); empty when it has none. */
export async function readApprovalChain(
  manager: EntityManager,
  organisationId: string,
  unitId: string,
): Promise<{ steps: { seq: number; positionId: string }[]; positions: PositionSummary[] }> {
  const rows = await queryPrepared<{ seq: number; positionId: string } & NullablePosition>(
    manager,
    APPROVAL_CHAIN_SQL,
    [organisationId, unitId],
  );
  const positions = new Map<string, PositionSummary>();
  for (const r of rows)
    if (r.id !== null)
      positions.set(r.id, { id: r.id, title: r.title, endorsementHeading: r.endorsementHeading });
  return {
    steps: rows.map((r) => ({ seq: r.seq, positionId: r.positionId })),
    positions: [...positions.values()],
  };
}

/** A post joined to a chain step: all null when the step names no post of the organisation. */
type NullablePosition =
  | { id: string; title: string; endorsementHeading: string | null }
  | { id: null; title: null; endorsementHeading: null };

/** A relation of organisations' public codes: id, code. */
export function organisationCodesSql(): string {
  return `SELECT id, code FROM organisations`;
}

/** What is printed of the organisation on its memos, and how. */
export interface OrganisationPrint extends OrganisationSummary {
  emblemPng: Buffer | null;
  /** The address it is served at (its verification links), if its own. */
  publicUrl: string | null;
  printJustify: boolean;
  printContinuationWord: boolean;
}

/** The organisation as printed (with the emblem and its printing settings), or null. */
export async function readOrganisationPrint(
  manager: EntityManager,
  organisationId: string,
): Promise<OrganisationPrint | null> {
  const rows = await manager.query<OrganisationPrint[]>(
    `SELECT id, code, name, register_code AS "registerCode", digits, emblem_png AS "emblemPng",
            public_url AS "publicUrl", print_justify AS "printJustify",
            print_continuation_word AS "printContinuationWord"
       FROM organisations WHERE id = $1`,
    [organisationId],
  );
  return rows[0] ?? null;
}

/** The signature images (PNG) of these people of the organisation, by person id; those without one are absent. */
export async function readSignatureImages(
  manager: EntityManager,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, Buffer>> {
  if (personIds.length === 0) return new Map();
  const rows = await manager.query<{ id: string; signature_png: Buffer }[]>(
    `SELECT id, signature_png FROM people
      WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND signature_png IS NOT NULL`,
    [organisationId, [...new Set(personIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.signature_png]));
}

/**
 * A relation (for `JOIN (…) p`) of the active accounts: id, organisation_id, organisation_code,
 * username, prefix, full_name, roles, password_hash. A plain sub-select that PostgreSQL pulls
 * up into the caller's statement (sign-in, and the session lookup of every request).
 */
export function activeAccountsSql(): string {
  return `SELECT p.id, p.organisation_id, o.code AS organisation_code, p.username, p.prefix, p.full_name, p.roles,
         p.password_hash
    FROM people p JOIN organisations o ON o.id = p.organisation_id
   WHERE p.active`;
}

/** A relation of organisations' identities as a signature records them: id, name, code. */
export function organisationIdentitySql(): string {
  return `SELECT id, name, code FROM organisations`;
}
