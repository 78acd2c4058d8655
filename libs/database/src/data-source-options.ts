import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The libraries' folder: libs/ in the sources, dist/libs/ once built. */
const LIBS = path.resolve(__dirname, '..', '..');

/**
 * Where the entities are: every `*.entity.ts` (`.js` once built) of every library. Each library
 * keeps its entity classes to itself; the data source finds them by that file name, so this
 * library imports none of them (test/database/migrations.spec.ts proves the glob finds every
 * `@Entity` the sources declare).
 */
export const ENTITY_FILES = path.join(LIBS, '*', 'src', '**', '*.entity.{ts,js}');

/** The one description of the database for the apps, the CLI and the tests. Never `synchronize`. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities: [ENTITY_FILES],
    migrations: [path.join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
  };
}
