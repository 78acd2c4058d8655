import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { signIn, type World } from './factories';

export interface MemoFlowOptions {
  publish?: boolean;
  oitItem?: string | null;
  order?: 'noted' | 'approved' | 'agreed' | 'permitted' | 'not_approved' | 'custom';
  subject?: string;
  paragraphs?: string[];
  /** Runs on the draft before it is submitted (attach files, shape rows). */
  beforeSubmit?: (memoId: string) => Promise<void>;
}

export interface SignedInWorld {
  author: string;
  head: string;
  chief: string;
  mayor: string;
}

export async function signInWorld(app: INestApplication, w: World): Promise<SignedInWorld> {
  return {
    author: await signIn(app, w.org, w.people.author),
    head: await signIn(app, w.org, w.people.head),
    chief: await signIn(app, w.org, w.people.chief),
    mayor: await signIn(app, w.org, w.people.mayor),
  };
}

const MEMO_BODY = [
  { type: 'heading', text: 'เรื่องเดิม' },
  {
    type: 'paragraph',
    text: 'ตามที่ องค์การบริหารส่วนตำบลได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ นั้น',
  },
  { type: 'heading', text: 'ข้อเท็จจริง' },
  {
    type: 'paragraph',
    text: 'บัดนี้ ได้จัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานเสร็จเรียบร้อยแล้ว',
  },
  { type: 'heading', text: 'ข้อเสนอ/ข้อพิจารณา' },
  { type: 'paragraph', text: 'จึงเห็นควรเผยแพร่รายงานดังกล่าวบนเว็บไซต์ของหน่วยงาน' },
];

/** Drafts, submits, and takes a memo through head → chief → mayor by HTTP, as the seeds' chain does. */
export async function draftAndDecide(
  app: INestApplication,
  tokens: SignedInWorld,
  o: MemoFlowOptions = {},
): Promise<{ memoId: string; decidedVersion: number; documentNo: string }> {
  const http = () => request(app.getHttpServer());
  const created = await http()
    .post('/memos')
    .set('Authorization', `Bearer ${tokens.author}`)
    .send({
      subject: o.subject ?? 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
      body: o.paragraphs ? o.paragraphs.map((text) => ({ type: 'paragraph', text })) : MEMO_BODY,
      closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
      publish: o.publish ?? true,
      oitItem: o.oitItem === undefined ? 'o28' : o.oitItem,
    })
    .expect(201);
  const memoId = (created.body as { id: string }).id;
  await o.beforeSubmit?.(memoId);
  const submitted = await http()
    .post(`/memos/${memoId}/submit`)
    .set('Authorization', `Bearer ${tokens.author}`)
    .send({})
    .expect(200);
  await http()
    .post(`/memos/${memoId}/endorse`)
    .set('Authorization', `Bearer ${tokens.head}`)
    .send({ opinion: 'เห็นควรอนุมัติ' })
    .expect(200);
  await http()
    .post(`/memos/${memoId}/endorse`)
    .set('Authorization', `Bearer ${tokens.chief}`)
    .send({ opinion: 'เห็นควรอนุมัติ และเผยแพร่' })
    .expect(200);
  const decided = await http()
    .post(`/memos/${memoId}/decide`)
    .set('Authorization', `Bearer ${tokens.mayor}`)
    .send({ order: o.order ?? 'approved', ...(o.order === 'custom' ? { text: 'ทราบ ดำเนินการต่อไป' } : {}) })
    .expect(200);
  const body = decided.body as { version: number };
  const number = submitted.body as { documentNo?: string };
  return { memoId, decidedVersion: body.version, documentNo: number.documentNo ?? '' };
}
