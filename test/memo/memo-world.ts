import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createWorld, signIn, type World } from '../utils/factories';
import { postMemo } from '../utils/memo-flow';
import { SEED_000 } from './seed-memos';
import { Position } from '../utils/entities';

export interface MemoWorld extends World {
  tokens: Record<keyof World['people'], string>;
}

/** The factories' organisation with the names of seed 000 (อบต.คำพี่), everyone signed in. */
export async function createMemoWorld(app: INestApplication): Promise<MemoWorld> {
  const db = app.get(DataSource);
  const world = await createWorld(db, { name: SEED_000.organisationName });
  await db.getRepository(Position).update(world.positions.mayor.id, { title: SEED_000.addressee });
  await db.getRepository(Position).update(world.positions.legal.id, { title: SEED_000.authorPosition });
  const entries = await Promise.all(
    Object.entries(world.people).map(
      async ([key, person]) => [key, await signIn(app, world.org, person)] as const,
    ),
  );
  return { ...world, tokens: Object.fromEntries(entries) as MemoWorld['tokens'] };
}

/** A draft like seed 000, created through the API by the world's author. */
export async function createSeedDraft(
  app: INestApplication,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  return postMemo(app, token, {
    subject: SEED_000.subject,
    body: SEED_000.body,
    closing: SEED_000.closing,
    ...overrides,
  });
}
