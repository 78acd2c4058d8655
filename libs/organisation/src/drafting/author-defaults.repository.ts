import type { EntityManager } from 'typeorm';
import { ApprovalChainStep } from '../entities/approval-chain-step.entity';
import { PersonPosition } from '../entities/person-position.entity';
import { Person } from '../entities/person.entity';
import { Position } from '../entities/position.entity';
import { Unit } from '../entities/unit.entity';

/*
 * What drafting a memo needs of its author and the organisation (the memo library asks; these
 * read on the caller's EntityManager, so they join its transaction).
 */

/** The unit a person belongs to, as a memo's unit line prints it. */
export interface AuthorUnit {
  id: string;
  name: string;
  phone: string | null;
}

/**
 * The person's unit: `undefined` when the person is not in the organisation, `null` when they
 * belong to no unit (or to one that is not there).
 */
export async function findAuthorUnit(
  manager: EntityManager,
  organisationId: string,
  personId: string,
): Promise<AuthorUnit | null | undefined> {
  const author = await manager.findOne(Person, { where: { id: personId, organisationId } });
  if (!author) return undefined;
  if (!author.unitId) return null;
  const unit = await manager.findOne(Unit, { where: { id: author.unitId, organisationId } });
  return unit ? { id: unit.id, name: unit.name, phone: unit.phone } : null;
}

/** The title of the highest step of the unit's approval chain, or null if the unit has no chain. */
export async function decisionMakerTitle(
  manager: EntityManager,
  organisationId: string,
  unitId: string,
): Promise<string | null> {
  const top = await manager.findOne(ApprovalChainStep, {
    where: { organisationId, unitId },
    order: { seq: 'DESC' },
  });
  if (!top) return null;
  const position = await manager.findOne(Position, { where: { id: top.positionId, organisationId } });
  return position?.title ?? null;
}

/** The posts a person holds, the primary one first (then by post id). */
export async function heldPositionIds(
  manager: EntityManager,
  organisationId: string,
  personId: string,
): Promise<string[]> {
  const held = await manager.find(PersonPosition, {
    where: { personId, organisationId },
    order: { primary: 'DESC', positionId: 'ASC' },
  });
  return held.map((h) => h.positionId);
}

/** A memo's author and signing post as printed: the author's name parts and the post's title (null when absent). */
export async function authorAndPostNames(
  manager: EntityManager,
  organisationId: string,
  personId: string,
  positionId: string,
): Promise<{ author: { prefix: string; fullName: string } | null; positionTitle: string | null }> {
  // One after the other: inside a transaction the manager holds a single connection.
  const author = await manager.findOne(Person, { where: { id: personId, organisationId } });
  const position = await manager.findOne(Position, { where: { id: positionId, organisationId } });
  return {
    author: author ? { prefix: author.prefix, fullName: author.fullName } : null,
    positionTitle: position?.title ?? null,
  };
}
