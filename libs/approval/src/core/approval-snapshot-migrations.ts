/** A persisted snapshot as plain JSON, before it is trusted. */
export type JsonRecord = Record<string, unknown>;

export type SnapshotMigration = (snapshot: JsonRecord) => JsonRecord;

function contextOf(snapshot: JsonRecord): JsonRecord {
  const context = snapshot.context;
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new Error('persisted approval snapshot has no context');
  }
  return context as JsonRecord;
}

/**
 * Version 1 named the waiting step `currentStep` and the return reason `returnNote`.
 * Version 2 renamed them to `stepIndex` and `returnReason` (the words the API and the
 * history use), so a snapshot saved by version 1 gets the new names on load.
 */
export function migrateApprovalSnapshotV1toV2(snapshot: JsonRecord): JsonRecord {
  const { currentStep, returnNote, ...rest } = contextOf(snapshot);
  return { ...snapshot, context: { ...rest, stepIndex: currentStep, returnReason: returnNote ?? null } };
}

/** `from` version → the function that lifts a snapshot to `from + 1`. */
export const APPROVAL_SNAPSHOT_MIGRATIONS: Readonly<Record<number, SnapshotMigration>> = {
  1: migrateApprovalSnapshotV1toV2,
};
