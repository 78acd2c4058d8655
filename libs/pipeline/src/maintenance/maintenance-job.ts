/** The queue of the pipeline's scheduled work: one job per tick, taken by one worker of any number. */
export const MAINTENANCE_QUEUE = 'maintenance';

export enum MaintenanceJob {
  /** The outbox relay's safety net under NOTIFY. */
  RelayPoll = 'relay-poll',
  /** Decided memos whose documents are missing or set aside. */
  Reconcile = 'reconcile',
  /** Sessions past their idle or absolute timeout are deleted (SESSION_CLEANUP_MS). */
  SessionCleanup = 'session-cleanup',
}
