import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createActingOrder, createWorld, signIn, type World } from '../utils/factories';
import { postMemo } from '../utils/memo-flow';
import { createTestApp, type TestApp } from '../utils/test-app';

export { command } from '../utils/memo-flow';

export type PersonKey = keyof World['people'];

export interface ApprovalWorld extends World {
  db: DataSource;
  tokens: Record<PersonKey, string>;
}

/** The seed-like organisation (author → head → chief → mayor) with everyone signed in. */
export async function createApprovalWorld(app: INestApplication): Promise<ApprovalWorld> {
  const db = app.get(DataSource);
  const world = await createWorld(db);
  const tokens = {} as Record<PersonKey, string>;
  for (const key of Object.keys(world.people) as PersonKey[]) {
    tokens[key] = await signIn(app, world.org, world.people[key]);
  }
  return { ...world, db, tokens };
}

/** A fresh test app with the approval world in it. */
export async function startApprovalApp(): Promise<{ t: TestApp; w: ApprovalWorld }> {
  const t = await createTestApp();
  return { t, w: await createApprovalWorld(t.app) };
}

/** A memo's register entries and its 'submitted' history entries (one of each after one submission). */
export async function submissionRecords(
  w: ApprovalWorld,
  memoId: string,
): Promise<{ registerEntries: unknown[]; submittedHistory: unknown[] }> {
  const registerEntries: unknown[] = await w.db.query('SELECT 1 FROM register_entries WHERE memo_id = $1', [
    memoId,
  ]);
  const submittedHistory: unknown[] = await w.db.query(
    `SELECT 1 FROM approval_history WHERE memo_id = $1 AND action = 'submitted'`,
    [memoId],
  );
  return { registerEntries, submittedHistory };
}

/** The head of office also acting as chief administrator (รักษาราชการแทน), as in domain.md. */
export async function headActsAsChief(w: ApprovalWorld): Promise<void> {
  await createActingOrder(w.db, w.org, w.people.head, w.positions.chief, 'acting');
}

export interface Draft {
  id: string;
  version: number;
}

export async function createDraft(
  app: INestApplication,
  token: string,
  fields: Record<string, unknown> = {},
): Promise<Draft> {
  const res = await postMemo(app, token, {
    subject: 'ขอความเห็นชอบรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม',
    // A submission needs a body (MEMO_INCOMPLETE otherwise).
    body: [{ type: 'paragraph', text: 'ตามที่องค์การบริหารส่วนตำบลได้ประกาศมาตรการ' }],
    ...fields,
  });
  return { id: res.id, version: res.version };
}
