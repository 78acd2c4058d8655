import type { EntityManager } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';
import type { WorkingTimeSettings } from './working-time-settings';

/** An organisation's working-time settings and whether away orders wait for its administrator. */
export interface OrganisationWorkingTime {
  settings: WorkingTimeSettings;
  awayRequiresApproval: boolean;
}

/** The working time of organisations, by id (absent ids are left out). */
export async function readWorkingTime(
  m: EntityManager,
  organisationIds: readonly string[],
): Promise<Map<string, OrganisationWorkingTime>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await queryPrepared<{
    id: string;
    working_time: WorkingTimeSettings;
    away_requires_approval: boolean;
  }>(m, 'SELECT id, working_time, away_requires_approval FROM organisations WHERE id = ANY($1::uuid[])', [
    [...new Set(organisationIds)],
  ]);
  return new Map(
    rows.map((r) => [r.id, { settings: r.working_time, awayRequiresApproval: r.away_requires_approval }]),
  );
}

/**
 * SQL: the organisation's working-time settings (jsonb) as a scalar sub-select, for a caller's
 * statement that already reads other rows in the same round trip (an approval command's load).
 * The argument is an SQL expression of the organisation's id.
 */
export function workingTimeSettingsSql(organisationId: string): string {
  return `(SELECT o.working_time FROM organisations o WHERE o.id = ${organisationId})`;
}
