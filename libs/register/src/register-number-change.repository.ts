import type { EntityManager } from 'typeorm';
import { RegisterNumberChange } from './entities/register-number-change.entity';
import type { RegisterNumberChangeView } from './register-number-change.view';

/* The clerk's changes of a register's next number (register_number_changes): written, then read back. */

export type NewRegisterNumberChange = Pick<
  RegisterNumberChange,
  | 'organisationId'
  | 'register'
  | 'year'
  | 'previousNextNumber'
  | 'nextNumber'
  | 'lastIssuedNumber'
  | 'note'
  | 'changedById'
>;

/** Records one change in the caller's transaction. */
export async function recordNumberChange(
  manager: EntityManager,
  change: NewRegisterNumberChange,
): Promise<void> {
  await manager.getRepository(RegisterNumberChange).insert(change);
}

/** The changes of one register's year, oldest first. */
export async function numberChangesOf(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
): Promise<RegisterNumberChangeView[]> {
  const changes = await manager.getRepository(RegisterNumberChange).find({
    where: { organisationId, register, year },
    order: { changedAt: 'ASC' },
  });
  return changes.map(toNumberChangeView);
}

/** A change as the library hands it out: a plain object, the columns in the order the API answers them. */
function toNumberChangeView(c: RegisterNumberChange): RegisterNumberChangeView {
  return {
    id: c.id,
    organisationId: c.organisationId,
    register: c.register,
    year: c.year,
    previousNextNumber: c.previousNextNumber,
    nextNumber: c.nextNumber,
    lastIssuedNumber: c.lastIssuedNumber,
    note: c.note,
    changedById: c.changedById,
    changedAt: c.changedAt,
  };
}
