import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { assertComplete } from '@saraban/memo';
import { findActivePosition } from '@saraban/organisation';
import {
  acceptedEventTypes,
  applyApprovalEvent,
  approvalStateName,
  currentRouteStep,
  type ApprovalSnapshot,
} from '../core/approval-snapshot.util';
import { defaultHeading } from '../core/build-route.util';
import { resolveStep } from '../core/who-may-act.util';
import type { ApprovalStateView } from '../dto/approval-views';
import { MemoWorkflow } from '../entities/memo-workflow.entity';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { Applied } from './applied-command';
import type { ApprovalCommand, CommandOptions } from './approval-command';
import { COMMAND_EVENT, permission } from './approval-permissions.util';
import { ApprovalReader, resolutionOf, type LoadedApproval } from './approval-reader';
import { ApprovalStateWriter } from './approval-state.writer';
import { ApprovalViewBuilder, STATUS_OF_STATE } from './approval-view.builder';
import { toEvent } from './command-event.util';

/**
 * The approval commands. One transaction each: the idempotency claim, the memo and its approval
 * read under the memo row's lock, the checks (version, state, who may act), the machine's
 * transitions (with the steps passed over because only the author could act), the write
 * (ApprovalStateWriter: memo, register, workflow, history and outbox) and the idempotency answer.
 */
@Injectable()
export class ApprovalCommandService {
  constructor(
    private readonly db: DataSource,
    private readonly reader: ApprovalReader,
    private readonly views: ApprovalViewBuilder,
    private readonly writer: ApprovalStateWriter,
    private readonly idempotency: IdempotencyService,
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
      const loaded = await this.reader.load(m, user.organisationId, memoId, extra, {
        lock: true,
        withContent: command.kind === 'submit',
      });
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
      if (command.kind === 'submit') {
        // Loaded withContent above: a missing content is a programming error, never a pass.
        if (!loaded.content) throw new Error('a submission was loaded without the memo content');
        assertComplete(loaded.content);
      }
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
      const written = await this.writer.write(m, user, loaded, applied, status);
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

  /** 409 with the memo's current state for this caller, read afresh (the latest committed). */
  private async versionConflict(m: EntityManager, user: AuthUser, memoId: string): Promise<AppException> {
    const loaded = await this.reader.load(m, user.organisationId, memoId);
    const current = loaded ? this.views.build(user, loaded) : null;
    return new AppException(ErrorCode.VersionConflict, { current });
  }
}
