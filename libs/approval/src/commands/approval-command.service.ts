import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { guardedMemoStatusUpdateSql, MemoDraftService, urgencyRank } from '@saraban/memo';
import {
  findActivePosition,
  readWorkingTime,
  stepDeadline,
  workingCalendarOf,
  type StepDeadline,
} from '@saraban/organisation';
import { queryPrepared } from '@saraban/postgres';
import { cancelIssuedEntry, RegisterService } from '@saraban/register';
import type { ApprovalEvent } from '../core/approval-event';
import type { ApprovalIntent } from '../core/approval-intent';
import {
  acceptedEventTypes,
  applyApprovalEvent,
  approvalStateName,
  currentRouteStep,
  persistApproval,
  type ApprovalSnapshot,
} from '../core/approval-snapshot.util';
import { defaultHeading } from '../core/build-route.util';
import type { Capacity } from '../core/capacity';
import { orderText } from '../core/order-kind';
import { resolveStep } from '../core/who-may-act.util';
import type { ApprovalStateView } from '../dto/approval-views';
import type { HistoryAction } from '../entities/approval-history-entry.entity';
import { MemoWorkflow } from '../entities/memo-workflow.entity';
import {
  pendingHistoryCte,
  pendingHistoryJson,
  type PendingHistoryEntry,
} from '../history/approval-history.writer';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { ApprovalCommand, CommandOptions } from './approval-command';
import { COMMAND_EVENT, permission } from './approval-permissions.util';
import { ApprovalReader, resolutionOf, type LoadedApproval } from './approval-reader';
import { ApprovalViewBuilder, STATUS_OF_STATE } from './approval-view.builder';

/** What a command wrote, for its answer and its history. */
interface Written {
  version: number;
  registerEntryId: string | null;
  documentNo: string | null;
  datedOn: string | null;
}

/** One machine event applied in a command, with who did it. */
interface Applied {
  snapshot: ApprovalSnapshot;
  intents: ApprovalIntent[];
  actorId: string | null;
  capacity: Capacity | null;
}

interface RecordedIntent {
  action: HistoryAction;
  stepSeq: number | null;
  text: string | null;
  orderKind: string | null;
  details: Record<string, unknown> | null;
}

function toEvent(
  command: ApprovalCommand,
  reroute: { title: string; heading: string } | null,
): ApprovalEvent {
  switch (command.kind) {
    case 'submit':
      return { type: 'SUBMIT' };
    case 'endorse':
      return { type: 'ENDORSE', opinion: command.opinion.trim() };
    case 'return':
      return { type: 'RETURN', reason: command.reason.trim() };
    case 'decide':
      return { type: 'DECIDE', order: command.order, text: command.text?.trim() || null };
    case 'withdraw':
      return { type: 'WITHDRAW' };
    case 'cancel':
      return { type: 'CANCEL', reason: command.reason.trim() };
    case 'reroute':
      return {
        type: 'REROUTE',
        positionId: command.positionId,
        positionTitle: reroute?.title ?? '',
        heading: reroute?.heading ?? '',
        note: command.note.trim(),
      };
  }
}

/** The history entry a record* intent becomes; null for intents that are not history. */
function recorded(intent: ApprovalIntent): RecordedIntent | null {
  const none = { text: null, orderKind: null, details: null };
  switch (intent.type) {
    case 'issueRegisterNumber':
    case 'cancelRegisterEntry':
      return null;
    case 'recordSubmission':
      return { ...none, action: intent.params.resubmission ? 'resubmitted' : 'submitted', stepSeq: null };
    case 'recordEndorsement':
      return { ...none, action: 'endorsed', stepSeq: intent.params.seq, text: intent.params.opinion };
    case 'recordSkip':
      return {
        ...none,
        action: 'skipped',
        stepSeq: intent.params.seq,
        details: { reason: intent.params.reason },
      };
    case 'recordReturn':
      return { ...none, action: 'returned', stepSeq: intent.params.seq, text: intent.params.reason };
    case 'recordDecision':
      return {
        action: 'decided',
        stepSeq: intent.params.seq,
        text: intent.params.text,
        orderKind: intent.params.order,
        details: { printed: orderText({ order: intent.params.order, text: intent.params.text }) },
      };
    case 'recordWithdrawal':
      return { ...none, action: 'withdrawn', stepSeq: intent.params.seq };
    case 'recordCancellation':
      return { ...none, action: 'cancelled', stepSeq: intent.params.seq, text: intent.params.reason };
    case 'recordReroute':
      return {
        ...none,
        action: 'rerouted',
        stepSeq: intent.params.seq,
        text: intent.params.note,
        details: { fromPositionId: intent.params.fromPositionId, toPositionId: intent.params.toPositionId },
      };
  }
}

/** What a history entry keeps beside its text: the heading of its step as printed, the number on submission. */
function detailsOf(
  r: RecordedIntent,
  snapshot: ApprovalSnapshot,
  register: { documentNo: string | null; registerEntryId: string | null },
): Record<string, unknown> | null {
  const step = r.stepSeq === null ? undefined : snapshot.context.route[r.stepSeq];
  const extra = {
    ...(step
      ? { heading: step.heading, positionId: step.positionId, positionTitle: step.positionTitle }
      : {}),
    ...(r.action === 'submitted' ? register : {}),
  };
  return r.details === null && Object.keys(extra).length === 0 ? null : { ...r.details, ...extra };
}

const OUTBOX_TYPE: Record<HistoryAction, string> = {
  submitted: 'memo.submitted',
  resubmitted: 'memo.resubmitted',
  endorsed: 'memo.endorsed',
  skipped: 'memo.step_skipped',
  returned: 'memo.returned',
  decided: 'memo.decided',
  withdrawn: 'memo.withdrawn',
  cancelled: 'memo.cancelled',
  rerouted: 'memo.rerouted',
};

/** The first submission's guarded memo update (the workflow row does not exist yet). */
const FIRST_MEMO_UPDATE_SQL = guardedMemoStatusUpdateSql({
  id: '$1',
  organisationId: '$2',
  status: '$3',
  version: '$4',
});

/**
 * The workflow row of a first submission ($1–$16, the step's due and reminder times $18–$19,
 * the decision's order $20), and its history ($17). No row answered: a
 * racing first submission got there first (the memo row's lock let this one through with the
 * workflow it read before waiting), which is a 409, not a duplicate key.
 */
const WORKFLOW_INSERT_SQL = `WITH ${pendingHistoryCte('$17')}
INSERT INTO memo_workflows (memo_id, organisation_id, machine_version, snapshot, route, state, round, current_seq,
  current_position_id, subject, document_no, register_entry_id, urgency_order, waiting_since, version,
  author_id, submitted_at, updated_at, due_at, remind_at, decision_order)
VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14, $14, $18, $19, $20)
ON CONFLICT (memo_id) DO NOTHING
RETURNING version`;

/**
 * Every later command: the memo (guarded by its version, $17: the memo library's statement), the
 * workflow (guarded by its own, $15, with the waiting step's due and reminder times $19–$20 and
 * the decision's order $21) and the history ($18), in one statement.
 */
const LATER_WRITE_SQL = `WITH memo AS (
  ${guardedMemoStatusUpdateSql({ id: '$1', organisationId: '$2', status: '$16', version: '$17' })}
), ${pendingHistoryCte('$18')}
UPDATE memo_workflows w SET machine_version = $3, snapshot = $4::jsonb, route = $5::jsonb, state = $6, round = $7,
  current_seq = $8, current_position_id = $9, subject = $10, document_no = $11, register_entry_id = $12,
  urgency_order = $13, waiting_since = $14, version = memo.version, updated_at = $14, due_at = $19, remind_at = $20,
  decision_order = $21
  FROM memo
 WHERE w.memo_id = $1 AND w.organisation_id = $2 AND w.version = $15
 RETURNING w.version`;

/**
 * The approval commands. One transaction each: the memo row's version-guarded UPDATE (409 on
 * zero rows), the register number when the machine asks for it, the workflow snapshot, one
 * history entry (linked into the chain at COMMIT) and one outbox event per transition, and the
 * idempotency answer.
 */
@Injectable()
export class ApprovalCommandService {
  constructor(
    private readonly db: DataSource,
    private readonly reader: ApprovalReader,
    private readonly views: ApprovalViewBuilder,
    private readonly register: RegisterService,
    private readonly idempotency: IdempotencyService,
    private readonly drafts: MemoDraftService,
  ) {}

  async execute(
    user: AuthUser,
    memoId: string,
    command: ApprovalCommand,
    options: CommandOptions,
  ): Promise<ApprovalStateView> {
    return this.db.transaction(async (m) => {
      const { idempotency } = options;
      if (idempotency) {
        const replay = await this.idempotency.claim<ApprovalStateView>(
          m,
          user,
          idempotency.key,
          idempotency.requestHash,
        );
        if (replay) return replay;
      }
      const extra = command.kind === 'reroute' ? [command.positionId] : [];
      const loaded = await this.reader.load(m, user.organisationId, memoId, extra, { lock: true });
      if (!loaded || !(await this.reader.mayRead(m, user, loaded)))
        throw new AppException(ErrorCode.NotFound);
      if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.memo.version) {
        throw await this.versionConflict(m, user, memoId);
      }
      const reroute =
        command.kind === 'reroute' ? await this.rerouteTarget(m, loaded, command.positionId) : null;
      const event = toEvent(command, reroute);
      if (!acceptedEventTypes(loaded.snapshot).includes(COMMAND_EVENT[command.kind])) {
        throw new AppException(ErrorCode.TransitionNotAllowed, {
          state: approvalStateName(loaded.snapshot),
          command: command.kind,
          ...(loaded.snapshot.context.route.length === 0 ? { reason: 'no_route' } : {}),
        });
      }
      const allowed = permission(command.kind, user, loaded.memo.authorId, loaded.resolution);
      if (!allowed.ok)
        throw new AppException(allowed.notYourTurn ? ErrorCode.NotYourTurn : ErrorCode.Forbidden);
      // A memo without body, addressee or closing takes no register number (the memo library's rule).
      if (command.kind === 'submit') await this.drafts.assertSubmittable(user.organisationId, memoId, m);
      const first = applyApprovalEvent(loaded.snapshot, event);
      if (!first.changed) {
        throw new AppException(ErrorCode.ValidationFailed, [
          { field: command.kind, problems: ['not accepted'] },
        ]);
      }
      const applied: Applied[] = [
        {
          snapshot: first.snapshot,
          intents: first.intents,
          actorId: user.personId,
          capacity: allowed.capacity,
        },
        ...this.authorSkips(loaded, first.snapshot),
      ];
      const final = applied[applied.length - 1].snapshot;

      const status = STATUS_OF_STATE[approvalStateName(final)];
      const written = await this.writeState(m, user, loaded, applied, status);
      if (written === null) throw await this.versionConflict(m, user, memoId);

      const memo = Object.assign(loaded.memo, { status, version: written.version });
      const workflow = Object.assign(new MemoWorkflow(), loaded.workflow ?? {}, written);
      const view = this.views.build(user, {
        ...loaded,
        memo,
        workflow,
        snapshot: final,
        datedOn: written.datedOn,
        resolution: resolutionOf(final, loaded.staffing, loaded.day, memo.authorId),
      });
      if (idempotency) await this.idempotency.store(m, user, idempotency.key, 200, view);
      return view;
    });
  }

  /** The caller's view of a memo's approval (GET /memos/:id/approval). */
  async state(user: AuthUser, memoId: string): Promise<ApprovalStateView> {
    const m = this.db.manager;
    const loaded = await this.reader.load(m, user.organisationId, memoId);
    if (!loaded || !(await this.reader.mayRead(m, user, loaded))) throw new AppException(ErrorCode.NotFound);
    return this.views.build(user, loaded);
  }

  /** Steps the memo arrives at that resolve only to its author are passed over, and recorded. */
  private authorSkips(loaded: LoadedApproval, from: ApprovalSnapshot): Applied[] {
    const skips: Applied[] = [];
    let snapshot = from;
    for (;;) {
      const step = currentRouteStep(snapshot);
      if (!step) return skips;
      const r = resolveStep(step, loaded.day, loaded.staffing, loaded.memo.authorId);
      if (r.kind !== 'author_only') return skips;
      const skipped = applyApprovalEvent(snapshot, { type: 'SKIP', reason: 'author_only' });
      // The decision maker cannot be skipped: the memo waits there, stuck, for a re-route.
      if (!skipped.changed) return skips;
      skips.push({ snapshot: skipped.snapshot, intents: skipped.intents, actorId: null, capacity: null });
      snapshot = skipped.snapshot;
    }
  }

  private async rerouteTarget(
    m: EntityManager,
    loaded: LoadedApproval,
    positionId: string,
  ): Promise<{ title: string; heading: string }> {
    const position = await findActivePosition(m, loaded.memo.organisationId, positionId);
    if (!position) {
      throw new AppException(ErrorCode.ValidationFailed, [
        { field: 'positionId', problems: ['ไม่พบตำแหน่งนี้'] },
      ]);
    }
    const r = resolveStep(
      { positionId, positionTitle: position.title },
      loaded.day,
      loaded.staffing,
      loaded.memo.authorId,
    );
    if (r.kind !== 'actors') {
      throw new AppException(ErrorCode.ValidationFailed, [
        { field: 'positionId', problems: ['ไม่มีผู้ที่ดำเนินการแทนในตำแหน่งนี้ได้ในวันนี้'] },
      ]);
    }
    const route = loaded.snapshot.context.route;
    const isLast = loaded.snapshot.context.stepIndex === route.length - 1;
    return {
      title: position.title,
      heading: position.endorsementHeading ?? defaultHeading(position.title, isLast),
    };
  }

  /**
   * The memo's status and version (guarded: only if nobody changed it since it was read), the
   * register (number issued on the first submission, cancelled on withdrawal or cancellation)
   * and the workflow row. Answers null when the guard found the memo changed.
   */
  private async writeState(
    m: EntityManager,
    user: AuthUser,
    loaded: LoadedApproval,
    applied: Applied[],
    status: string,
  ): Promise<Written | null> {
    const { memo, now } = loaded;
    const intents = applied.flatMap((a) => a.intents);
    const final = applied[applied.length - 1].snapshot;
    const stored = persistApproval(final);
    const step = currentRouteStep(final);
    const decisionOrder = final.context.decision?.order ?? null;
    let registerEntryId = loaded.workflow?.registerEntryId ?? null;
    let documentNo = loaded.workflow?.documentNo ?? null;
    let datedOn = loaded.datedOn;
    // The history goes with the write that the version guard decides: one round trip for both.
    const history = (version: number) =>
      pendingHistoryJson(this.historyOf(user, loaded, applied, { version, documentNo, registerEntryId }));

    const cancellation = intents.find((i) => i.type === 'recordCancellation');
    if (intents.some((i) => i.type === 'cancelRegisterEntry') && registerEntryId) {
      // In the command's transaction: the cancellation commits (or rolls back) with it.
      await cancelIssuedEntry(m, {
        organisationId: memo.organisationId,
        entryId: registerEntryId,
        reason:
          cancellation?.type === 'recordCancellation' ? cancellation.params.reason : 'ถอนเรื่องโดยเจ้าของเรื่อง',
        cancelledById: user.personId,
        at: now,
      });
    }

    const deadline = step ? await this.deadlineOf(m, loaded) : null;
    const workflowValues = (version: number) => [
      memo.id,
      memo.organisationId,
      stored.machineVersion,
      JSON.stringify(stored.snapshot),
      JSON.stringify(final.context.route),
      approvalStateName(final),
      final.context.round,
      step?.seq ?? null,
      step?.positionId ?? null,
      memo.subject,
      documentNo,
      registerEntryId,
      urgencyRank(memo.urgency),
      now,
      version,
    ];

    if (!loaded.workflow) {
      // The first submission: the memo row first (its lock and guard), then the number, then the row.
      const [row] = await queryPrepared<{ version: number }>(m, FIRST_MEMO_UPDATE_SQL, [
        memo.id,
        memo.organisationId,
        status,
        memo.version,
      ]);
      if (row === undefined) return null;
      const { version } = row;
      if (intents.some((i) => i.type === 'issueRegisterNumber')) {
        const entry = await this.register.issueNumber(m, {
          organisationId: memo.organisationId,
          at: now,
          memoId: memo.id,
          issuedById: user.personId,
          fromText: memo.unitLine,
          toText: memo.addressee,
          subject: memo.subject,
        });
        registerEntryId = entry.id;
        documentNo = entry.documentNo;
        datedOn = entry.datedOn;
      }
      const inserted = await queryPrepared<{ version: number }>(m, WORKFLOW_INSERT_SQL, [
        ...workflowValues(version),
        memo.authorId,
        history(version),
        deadline?.dueAt ?? null,
        deadline?.remindAt ?? null,
        decisionOrder,
      ]);
      // The rollback that follows the 409 also returns the register number taken above.
      if (inserted.length === 0) return null;
      return { version, registerEntryId, documentNo, datedOn };
    }

    // Later commands: memo, workflow and history in one statement. The guard: no memo row updated
    // → no workflow row either → no row answered → 409, and the rollback drops the history too.
    const version = memo.version + 1;
    const [row] = await queryPrepared<{ version: number }>(m, LATER_WRITE_SQL, [
      ...workflowValues(loaded.workflow.version),
      status,
      memo.version,
      history(version),
      deadline?.dueAt ?? null,
      deadline?.remindAt ?? null,
      decisionOrder,
    ]);
    return row === undefined ? null : { version: row.version, registerEntryId, documentNo, datedOn };
  }

  /** A step starts whenever a command leaves the memo waiting: due in the organisation's working time. */
  private async deadlineOf(m: EntityManager, loaded: LoadedApproval): Promise<StepDeadline> {
    const settings =
      (await readWorkingTime(m, [loaded.memo.organisationId])).get(loaded.memo.organisationId)?.settings ??
      {};
    return stepDeadline(settings, workingCalendarOf(settings), loaded.memo.urgency, loaded.now);
  }

  /** One history entry, with its outbox event, per recorded intent, in order. */
  private historyOf(
    user: AuthUser,
    loaded: LoadedApproval,
    applied: Applied[],
    written: Pick<Written, 'version' | 'documentNo' | 'registerEntryId'>,
  ): PendingHistoryEntry[] {
    const { memo, now } = loaded;
    const { documentNo, registerEntryId, version } = written;
    const entries: PendingHistoryEntry[] = [];
    for (const a of applied) {
      const awaiting = currentRouteStep(a.snapshot);
      for (const intent of a.intents) {
        const r = recorded(intent);
        if (!r) continue;
        entries.push({
          entry: {
            organisationId: memo.organisationId,
            memoId: memo.id,
            round: a.snapshot.context.round,
            stepSeq: r.stepSeq,
            action: r.action,
            actorId: a.actorId,
            // The name as it is now, frozen in the entry (the caller is the only actor of a command).
            actorName: a.actorId === user.personId ? `${user.prefix}${user.fullName}` : null,
            capacity: a.capacity,
            text: r.text,
            orderKind: r.orderKind,
            details: detailsOf(r, a.snapshot, { documentNo, registerEntryId }),
            occurredAt: now,
          },
          event: {
            type: OUTBOX_TYPE[r.action],
            payload: {
              memoId: memo.id,
              memoVersion: version,
              round: a.snapshot.context.round,
              stepSeq: r.stepSeq,
              actorId: a.actorId,
              state: approvalStateName(a.snapshot),
              awaiting: awaiting ? { seq: awaiting.seq, positionId: awaiting.positionId } : null,
              documentNo,
            },
          },
        });
      }
    }
    return entries;
  }

  /** 409 with the memo's current state for this caller, read afresh (the latest committed). */
  private async versionConflict(m: EntityManager, user: AuthUser, memoId: string): Promise<AppException> {
    const loaded = await this.reader.load(m, user.organisationId, memoId);
    const current = loaded ? this.views.build(user, loaded) : null;
    return new AppException(ErrorCode.VersionConflict, { current });
  }
}
