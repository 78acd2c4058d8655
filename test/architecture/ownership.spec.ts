import ts from 'typescript';
import {
  crossLibraryEntityImports,
  entities,
  migratedTables,
  productionSources,
  publicNames,
  rawSqlCalls,
  tableReferences,
} from './source-scan';
import { OWNERSHIP_EXCEPTIONS, RAW_SQL_EXCEPTIONS } from './ownership-exceptions';
import { ownerOf, TABLE_OWNERS } from './table-owners';

/*
 * Each library owns its tables (docs/architecture.md): SQL in one library never names a table
 * another library owns, and no library imports another's entity. Pure: it parses the sources.
 * OWNERSHIP_EXCEPTIONS lists what is not moved yet; it may only shrink (a listed exception
 * that no longer occurs fails too, so the list is kept exact).
 */

const sources = productionSources();
const tables = migratedTables();
const declared = entities(sources);

function violations(): string[] {
  const found = new Set<string>();
  for (const source of sources)
    for (const ref of tableReferences(source, tables))
      if (ownerOf(ref.table) !== ref.library) found.add(`sql ${ref.file} ${ref.table}`);
  const entityLibrary = new Map(declared.map((e) => [e.name, e.library]));
  for (const source of sources)
    for (const imported of crossLibraryEntityImports(source, entityLibrary))
      found.add(`entity ${imported.file} ${imported.entity}`);
  return [...found].sort();
}

describe('table ownership', () => {
  it('gives every migrated table exactly one owning library, and no owner a table that does not exist', () => {
    const owned = Object.values(TABLE_OWNERS).flat();
    expect(owned.length).toBe(new Set(owned).size);
    expect([...tables].filter((t) => ownerOf(t) === undefined)).toEqual([]);
    expect(owned.filter((t) => !tables.has(t))).toEqual([]);
  });

  it('declares each entity in the library that owns its table', () => {
    const misplaced = declared
      .filter((e) => ownerOf(e.table) !== e.library)
      .map((e) => `${e.name} (${e.table}) in ${e.library}, owned by ${ownerOf(e.table) ?? 'nobody'}`);
    expect(misplaced).toEqual([]);
  });

  it("finds no SQL naming another library's table and no entity imported across libraries, beyond the listed exceptions", () => {
    const found = violations();
    const listed = new Set(OWNERSHIP_EXCEPTIONS);
    expect({ new: found.filter((v) => !listed.has(v)) }).toEqual({ new: [] });
    expect({ gone: OWNERSHIP_EXCEPTIONS.filter((v) => !found.includes(v)) }).toEqual({ gone: [] });
  });

  it('keeps entity classes inside their library: no index.ts makes one public', () => {
    const libraries = [...new Set(declared.map((e) => e.library))];
    const found = libraries
      .flatMap((library) => {
        const names = publicNames(library);
        return declared
          .filter((e) => e.library === library && names.has(e.name))
          .map((e) => `${library} ${e.name}`);
      })
      .sort();
    expect(found).toEqual([]);
    // Not blind: publicNames follows `export *` and named re-exports from entity files.
    expect(publicNames('memo').has('MEMO_STATUSES')).toBe(true);
    expect(publicNames('organisation').has('ROLES')).toBe(true);
    expect(declared.some((e) => e.library === 'organisation' && e.name === 'Person')).toBe(true);
    expect(publicNames('organisation').has('Person')).toBe(false);
  });

  it('sends SQL text (query / queryPrepared) only from *.repository.ts files of libs/, beyond the listed exceptions', () => {
    const found = [
      ...new Set(
        sources
          .filter((s) => s.file.startsWith('libs/') && !s.file.endsWith('.repository.ts'))
          .flatMap(rawSqlCalls)
          .map((c) => c.file),
      ),
    ].sort();
    const listed = Object.keys(RAW_SQL_EXCEPTIONS);
    expect({ new: found.filter((f) => !listed.includes(f)) }).toEqual({ new: [] });
    expect({ gone: listed.filter((f) => !found.includes(f)) }).toEqual({ gone: [] });
    // Not blind: the repositories do send SQL.
    const repository = sources.find((s) => s.file === 'libs/register/src/register-entry.repository.ts');
    expect(repository && rawSqlCalls(repository).map((c) => c.call)).toEqual(
      expect.arrayContaining(['query', 'queryPrepared']),
    );
  });

  it('sees a violation when there is one (the scanner is not blind)', () => {
    const fake = { ...sources[0], file: 'libs/web/src/x.ts', library: 'web' };
    fake.ast = ts.createSourceFile(
      fake.file,
      'import { Memo } from \'@saraban/memo\';\nconst q = `SELECT id FROM memos m JOIN "people" p ON p.id = m.author_id`;',
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(tableReferences(fake, tables).map((r) => r.table)).toEqual(['memos', 'people']);
    const entityLibrary = new Map(declared.map((e) => [e.name, e.library]));
    expect(crossLibraryEntityImports(fake, entityLibrary).map((i) => i.entity)).toEqual(['Memo']);
    fake.ast = ts.createSourceFile(
      fake.file,
      [
        "await this.db.query('SELECT 1 FROM memos');",
        'await queryPrepared(manager, SQL, [id]);',
        "request.query({ page: 1 }); const q = req.query; fn(x => x.query('a'));",
      ].join('\n'),
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(rawSqlCalls(fake).map((c) => `${c.call}:${c.line}`)).toEqual([
      'query:1',
      'queryPrepared:2',
      'query:3',
    ]);
  });
});
