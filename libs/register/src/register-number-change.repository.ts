import type { EntityManager } from 'typeorm';
import { RegisterNumberChange } from './entities/register-number-change.entity';

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
export function numberChangesOf(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
): Promise<RegisterNumberChange[]> {
  return manager.getRepository(RegisterNumberChange).find({
    where: { organisationId, register, year },
    order: { changedAt: 'ASC' },
  });
}
