import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import {
  activePeopleAmong,
  decisionMakerTitle,
  findAuthorUnit,
  heldPositionIds,
  unitNamesAmong,
} from '@saraban/organisation';
import { memoHasRegisterEntry } from '@saraban/register';
import type { ListMemosQuery } from './dto/list-memos.query';
import type { MemoListView } from './dto/memo-list.view';
import type { MemoRevisionView } from './dto/memo-revision.view';
import type { MemoView } from './dto/memo.view';
import { MemoRevision } from './entities/memo-revision.entity';
import { Memo } from './entities/memo.entity';
import { EDITABLE_STATUSES, type MemoCopy, type MemoPurpose, type MemoStatus } from './memo-vocabulary';
import { contentOf } from './internal/memo-snapshot';
import { loadMemoView } from './internal/memo-view.loader';
import { MemoWriter } from './internal/memo-writer.service';
import { deleteDraftAtVersion } from './internal/memo-version.repository';
import { MemoAccessPolicy } from './memo-access.policy';
import type { MemoBlock } from './memo-block';
import type { MemoContent } from './memo-content';
import type { CreateMemoInput, MemoBlockInput, UpdateMemoInput } from './memo-draft.schema';
import { DEFAULT_CLOSING } from './memo-limits';
import { withoutTypedNumber } from './numbered-item.util';

function fieldError(field: string, problem: string): AppException {
  return new AppException(ErrorCode.ValidationFailed, [{ field, problems: [problem] }]);
}

/** Plain blocks with exactly the fields of their type; numbered items lose a typed number. */
function toBlocks(blocks: readonly MemoBlockInput[]): MemoBlock[] {
  return blocks
    .map((b): MemoBlock => {
      switch (b.type) {
        case 'heading':
          return { type: 'heading', text: b.text };
        case 'paragraph':
          return { type: 'paragraph', text: b.text };
        case 'numbered':
          return { type: 'numbered', items: b.items.map(withoutTypedNumber).filter(Boolean) };
      }
    })
    .filter((b) => b.type !== 'numbered' || b.items.length > 0);
}

/** Drafting a บันทึกข้อความ: create with the organisation's defaults, edit with revisions, delete. */
@Injectable()
export class MemoDraftService {
  constructor(
    private readonly db: DataSource,
    private readonly writer: MemoWriter,
    private readonly access: MemoAccessPolicy,
  ) {}

  async create(user: AuthUser, dto: CreateMemoInput): Promise<MemoView> {
    return this.db.transaction(async (manager) => {
      const unit = await findAuthorUnit(manager, user.organisationId, user.personId);
      if (unit === undefined) throw new AppException(ErrorCode.NotFound);
      if (!unit) throw fieldError('unitId', 'ผู้ใช้ยังไม่ได้สังกัดส่วนราชการ กรุณาติดต่อผู้ดูแลระบบ');
      const addressee = dto.addressee ?? (await decisionMakerTitle(manager, user.organisationId, unit.id));
      if (addressee === null) {
        throw fieldError('addressee', 'ส่วนราชการนี้ยังไม่มีสายการบังคับบัญชา กรุณาระบุ "เรียน"');
      }
      const signerPositionId = await this.signerPosition(manager, user, dto.signerPositionId);
      const memo = await manager.save(
        manager.create(Memo, {
          organisationId: user.organisationId,
          authorId: user.personId,
          unitId: unit.id,
          unitLine: dto.unitLine ?? (unit.phone ? `${unit.name} โทร. ${unit.phone}` : unit.name),
          subject: dto.subject,
          addressee,
          body: toBlocks(dto.body ?? []),
          closing: dto.closing ?? DEFAULT_CLOSING,
          urgency: dto.urgency ?? 'normal',
          secrecy: dto.secrecy ?? 'normal',
          purpose: dto.purpose ?? 'decision',
          signerPositionId,
          publish: dto.publish ?? false,
          oitItem: dto.oitItem ?? null,
          publishFiscalYear: dto.publishFiscalYear ?? null,
          copies: await this.checkedCopies(manager, user, dto.copies ?? []),
          status: 'draft',
          version: 1,
        }),
      );
      return loadMemoView(manager, memo);
    });
  }

  async get(user: AuthUser, memoId: string): Promise<MemoView> {
    const manager = this.db.manager;
    return loadMemoView(manager, await this.writer.loadReadable(manager, user, memoId));
  }

  /** The read model for other libraries (approval, pipeline): no access check beyond the organisation. */
  async findForOrganisation(
    organisationId: string,
    memoId: string,
    manager?: EntityManager,
  ): Promise<MemoView | null> {
    const m = manager ?? this.db.manager;
    const memo = await m.findOne(Memo, { where: { id: memoId, organisationId } });
    return memo ? loadMemoView(m, memo) : null;
  }

  /** As `findForOrganisation`, answering 404 NOT_FOUND when there is no such memo in the organisation. */
  async getForOrganisation(
    organisationId: string,
    memoId: string,
    manager?: EntityManager,
  ): Promise<MemoView> {
    const view = await this.findForOrganisation(organisationId, memoId, manager);
    if (!view) throw new AppException(ErrorCode.NotFound);
    return view;
  }

  /** What each memo asks of the decision maker (เพื่อทราบ or เพื่อพิจารณา/อนุมัติ), by id, for lists. */
  async purposesOf(organisationId: string, memoIds: readonly string[]): Promise<Map<string, MemoPurpose>> {
    if (memoIds.length === 0) return new Map();
    const rows = await this.db.manager.find(Memo, {
      select: { id: true, purpose: true },
      where: { organisationId, id: In([...memoIds]) },
    });
    return new Map(rows.map((r) => [r.id, r.purpose]));
  }

  /**
   * Refuses (422 MEMO_INCOMPLETE, with the missing parts) a memo that lacks what a submission
   * needs; the approval calls it inside its transaction before a register number is taken.
   */
  async list(user: AuthUser, query: ListMemosQuery): Promise<MemoListView> {
    const mine = query.mine === true;
    if (!mine && !this.access.canListOrganisation(user)) {
      throw new AppException(ErrorCode.Forbidden, { hint: 'mine=true' });
    }
    const statuses: readonly MemoStatus[] | undefined =
      query.status ?? (mine ? EDITABLE_STATUSES : undefined);
    const where: FindOptionsWhere<Memo> = { organisationId: user.organisationId };
    if (mine) where.authorId = user.personId;
    if (statuses) where.status = In([...statuses]);
    const [memos, total] = await this.db.manager.findAndCount(Memo, {
      where,
      order: { updatedAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    return {
      total,
      items: memos.map((m) => ({
        id: m.id,
        subject: m.subject,
        status: m.status,
        urgency: m.urgency,
        secrecy: m.secrecy,
        authorId: m.authorId,
        version: m.version,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      })),
    };
  }

  async update(user: AuthUser, memoId: string, dto: UpdateMemoInput): Promise<MemoView> {
    return this.db.transaction(async (manager) => {
      const memo = await this.writer.loadEditable(manager, user, memoId, dto.version);
      const before = contentOf(memo);
      const after: MemoContent = {
        ...before,
        unitLine: dto.unitLine ?? before.unitLine,
        subject: dto.subject ?? before.subject,
        addressee: dto.addressee ?? before.addressee,
        body: dto.body ? toBlocks(dto.body) : before.body,
        closing: dto.closing ?? before.closing,
        urgency: dto.urgency ?? before.urgency,
        secrecy: dto.secrecy ?? before.secrecy,
        purpose: dto.purpose ?? before.purpose,
        signerPositionId:
          dto.signerPositionId === undefined
            ? before.signerPositionId
            : await this.signerPosition(manager, user, dto.signerPositionId),
        publish: dto.publish ?? before.publish,
        oitItem: dto.oitItem === undefined ? before.oitItem : dto.oitItem,
        publishFiscalYear:
          dto.publishFiscalYear === undefined ? before.publishFiscalYear : dto.publishFiscalYear,
        copies:
          dto.copies === undefined ? before.copies : await this.checkedCopies(manager, user, dto.copies),
      };
      // A save that changes nothing (an autosave, a double click) makes no new version.
      if (JSON.stringify(after) === JSON.stringify(before)) return loadMemoView(manager, memo);
      const { version, updatedAt } = await this.writer.commit(manager, user, memo, after);
      return loadMemoView(manager, Object.assign(memo, after, { version, updatedAt }));
    });
  }

  /**
   * Deletes a draft of the caller's with its revisions and attachments. Only a draft that never took
   * a register number: numbers are never reused, so a numbered memo is withdrawn or cancelled instead.
   */
  async delete(user: AuthUser, memoId: string, expectedVersion: number | undefined): Promise<void> {
    await this.db.transaction(async (manager) => {
      const memo = await this.writer
        .loadEditable(manager, user, memoId, undefined)
        .catch((error: unknown) => {
          if (error instanceof AppException && error.code === ErrorCode.MemoNotEditable) {
            throw new AppException(ErrorCode.MemoNotDeletable, error.details);
          }
          throw error;
        });
      const numbered = await memoHasRegisterEntry(manager, memo.organisationId, memo.id);
      if (memo.status !== 'draft' || numbered) {
        throw new AppException(ErrorCode.MemoNotDeletable, {
          status: memo.status,
          numbered,
        });
      }
      const version = expectedVersion ?? memo.version;
      if (!(await deleteDraftAtVersion(manager, memo, version))) {
        const current = await manager.findOne(Memo, {
          where: { id: memo.id, organisationId: memo.organisationId },
        });
        if (current && current.status !== 'draft') {
          throw new AppException(ErrorCode.MemoNotDeletable, { status: current.status });
        }
        throw new AppException(ErrorCode.VersionConflict, { currentVersion: current?.version ?? null });
      }
    });
  }

  async revisions(user: AuthUser, memoId: string): Promise<MemoRevisionView[]> {
    const manager = this.db.manager;
    const memo = await this.writer.loadReadable(manager, user, memoId);
    const revisions = await manager.find(MemoRevision, {
      where: { memoId: memo.id, organisationId: memo.organisationId },
      order: { version: 'DESC' },
    });
    return revisions.map((r) => ({
      version: r.version,
      savedAt: r.savedAt,
      savedById: r.savedById,
      content: r.content,
    }));
  }

  /**
   * สำเนาเรียน as given, each once, in order: active people and units of the caller's organisation
   * only (400 naming the ones that are not), never the writer themself.
   */
  private async checkedCopies(
    manager: EntityManager,
    user: AuthUser,
    copies: readonly MemoCopy[],
  ): Promise<MemoCopy[]> {
    const unique = new Map<string, MemoCopy>();
    for (const c of copies) {
      if (c.kind === 'person' && c.id === user.personId) continue;
      unique.set(`${c.kind}:${c.id.toLowerCase()}`, { kind: c.kind, id: c.id.toLowerCase() });
    }
    const list = [...unique.values()];
    const people = new Set(
      await activePeopleAmong(
        manager,
        user.organisationId,
        list.filter((c) => c.kind === 'person').map((c) => c.id),
      ),
    );
    const units = await unitNamesAmong(
      manager,
      user.organisationId,
      list.filter((c) => c.kind === 'unit').map((c) => c.id),
    );
    const unknown = list.filter((c) => (c.kind === 'person' ? !people.has(c.id) : !units.has(c.id)));
    if (unknown.length > 0) {
      throw fieldError('copies', 'สำเนาเรียนต้องเป็นบุคคลหรือหน่วยงานในองค์กรนี้ที่ยังปฏิบัติงานอยู่');
    }
    return list;
  }

  /** The requested post if the author holds it, else their primary post; 400 when neither works. */
  private async signerPosition(
    manager: EntityManager,
    user: AuthUser,
    requested: string | undefined,
  ): Promise<string> {
    const held = await heldPositionIds(manager, user.organisationId, user.personId);
    if (requested !== undefined) {
      if (!held.includes(requested)) {
        throw fieldError('signerPositionId', 'ตำแหน่งผู้ลงนามต้องเป็นตำแหน่งที่ผู้เขียนบันทึกดำรงอยู่');
      }
      return requested;
    }
    if (held.length === 0) throw fieldError('signerPositionId', 'ผู้ใช้ยังไม่มีตำแหน่ง กรุณาติดต่อผู้ดูแลระบบ');
    return held[0];
  }
}
