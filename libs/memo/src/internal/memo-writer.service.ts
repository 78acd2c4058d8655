import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { MemoRevision } from '../entities/memo-revision.entity';
import { Memo } from '../entities/memo.entity';
import { EDITABLE_STATUSES } from '../memo-vocabulary';
import { MemoAccessPolicy } from '../memo-access.policy';
import type { MemoContent } from '../memo-content';
import { snapshotOf } from './memo-snapshot';
import { moveMemoVersion } from './memo-version.repository';

/**
 * Every change to a memo's content or attachments goes through here, inside the caller's transaction:
 * the access decision, the version-guarded update and the revision that keeps what was replaced.
 */
@Injectable()
export class MemoWriter {
  constructor(private readonly access: MemoAccessPolicy) {}

  /** The memo if the caller may read it; 404 otherwise, whether it is absent, foreign or hidden. */
  async loadReadable(manager: EntityManager, user: AuthUser, memoId: string): Promise<Memo> {
    const memo = await manager.findOne(Memo, { where: { id: memoId, organisationId: user.organisationId } });
    if (!memo || (await this.access.accessOf(user, memo)) === 'none')
      throw new AppException(ErrorCode.NotFound);
    return memo;
  }

  /**
   * The memo if the caller may change it now: 404 if they may not read it, 403 if they may read but
   * not edit, 409 MEMO_NOT_EDITABLE for its status, 409 VERSION_CONFLICT if `expectedVersion` is stale.
   */
  async loadEditable(
    manager: EntityManager,
    user: AuthUser,
    memoId: string,
    expectedVersion: number | undefined,
  ): Promise<Memo> {
    const memo = await manager.findOne(Memo, { where: { id: memoId, organisationId: user.organisationId } });
    const access = memo ? await this.access.accessOf(user, memo) : 'none';
    if (!memo || access === 'none') throw new AppException(ErrorCode.NotFound);
    if (access !== 'edit') throw new AppException(ErrorCode.Forbidden, { reason: 'not_author' });
    this.assertCurrent(memo, expectedVersion);
    return memo;
  }

  /**
   * Moves `memo` (as loaded, at `memo.version`) to the next version, with `content` if given, and
   * records what it was. Throws 409 if someone else got there first.
   */
  async commit(
    manager: EntityManager,
    user: AuthUser,
    memo: Memo,
    content?: MemoContent,
  ): Promise<{ version: number; updatedAt: Date }> {
    const moved = await moveMemoVersion(manager, memo, content);
    if (!moved) return this.explainRejection(manager, memo);
    // The row lock is ours now: the attachment list cannot change under the snapshot.
    await manager.insert(MemoRevision, {
      memoId: memo.id,
      organisationId: memo.organisationId,
      version: memo.version,
      content: await snapshotOf(manager, memo),
      savedById: user.personId,
    });
    return moved;
  }

  private assertCurrent(memo: Memo, expectedVersion: number | undefined): void {
    if (!EDITABLE_STATUSES.includes(memo.status)) {
      throw new AppException(ErrorCode.MemoNotEditable, {
        status: memo.status,
        currentVersion: memo.version,
      });
    }
    if (expectedVersion !== undefined && expectedVersion !== memo.version) {
      throw new AppException(ErrorCode.VersionConflict, {
        currentVersion: memo.version,
        status: memo.status,
      });
    }
  }

  private async explainRejection(manager: EntityManager, memo: Memo): Promise<never> {
    const current = await manager.findOne(Memo, {
      where: { id: memo.id, organisationId: memo.organisationId },
    });
    if (!current) throw new AppException(ErrorCode.NotFound);
    if (!EDITABLE_STATUSES.includes(current.status)) {
      throw new AppException(ErrorCode.MemoNotEditable, {
        status: current.status,
        currentVersion: current.version,
      });
    }
    throw new AppException(ErrorCode.VersionConflict, {
      currentVersion: current.version,
      status: current.status,
    });
  }
}
