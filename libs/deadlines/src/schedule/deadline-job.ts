/** The queue of deadline sweeps: one job per tick, taken by one worker of any number. */
export const DEADLINE_QUEUE = 'deadlines';

export enum DeadlineJob {
  /** Steps whose reminder time came: the people who may act are reminded. */
  Remind = 'deadline-remind',
  /** Steps past their due time: the clerks and the next up the chain are told. */
  Escalate = 'deadline-escalate',
}
