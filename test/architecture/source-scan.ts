import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** What the ownership test reads of the sources: pure, it parses files and runs nothing. */

export const ROOT = path.join(__dirname, '../..');

export interface SourceFile {
  /** Path from the repository root, e.g. `libs/memo/src/memo.repository.ts`. */
  file: string;
  /** `memo` for libs/memo, `app:api` for apps/api. */
  library: string;
  ast: ts.SourceFile;
}

export interface TableReference {
  file: string;
  library: string;
  table: string;
  line: number;
}

export interface EntityImport {
  file: string;
  library: string;
  entity: string;
  from: string;
  line: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every production source of libs/ and apps/ (specs and migrations aside). */
export function productionSources(): SourceFile[] {
  const files = [...walk(path.join(ROOT, 'libs')), ...walk(path.join(ROOT, 'apps'))];
  return files
    .map((full) => path.relative(ROOT, full).split(path.sep).join('/'))
    .filter((file) => !file.endsWith('.spec.ts') && !file.includes('/migrations/'))
    .map((file) => {
      const [top, name] = file.split('/');
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return {
        file,
        library: top === 'apps' ? `app:${name}` : name,
        ast: ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true),
      };
    });
}

/** The text of every string and template literal (template holes replaced by `$x`). */
function literals(ast: ts.SourceFile): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ text: node.text, line: lineOf(ast, node) });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => `$x ${s.literal.text}`)].join('');
      found.push({ text, line: lineOf(ast, node) });
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return found;
}

function lineOf(ast: ts.SourceFile, node: ts.Node): number {
  return ast.getLineAndCharacterOfPosition(node.getStart(ast)).line + 1;
}

const SQL_STATEMENT = /\b(select|insert\s+into|update|delete\s+from|with)\b[\s\S]*\b(from|into|set|as)\b/i;
const TABLE_AFTER =
  /\b(?:from|join|update|into|delete\s+from|truncate(?:\s+table)?|lock\s+table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** The tables the SQL in a file names (after FROM, JOIN, UPDATE, INTO, …). */
export function tableReferences(source: SourceFile, tables: ReadonlySet<string>): TableReference[] {
  const refs: TableReference[] = [];
  for (const { text, line } of literals(source.ast)) {
    if (!SQL_STATEMENT.test(text)) continue;
    for (const match of text.matchAll(TABLE_AFTER)) {
      const table = match[1].toLowerCase();
      if (tables.has(table)) refs.push({ file: source.file, library: source.library, table, line });
    }
  }
  return refs;
}

/** Classes decorated `@Entity('table')`, by the library that declares them. */
export function entities(
  sources: SourceFile[],
): { name: string; table: string; library: string; file: string }[] {
  const out: { name: string; table: string; library: string; file: string }[] = [];
  for (const source of sources)
    for (const statement of source.ast.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      for (const decorator of ts.getDecorators(statement) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText(source.ast) !== 'Entity') continue;
        const arg = call.arguments[0];
        if (arg && ts.isStringLiteral(arg))
          out.push({
            name: statement.name.text,
            table: arg.text,
            library: source.library,
            file: source.file,
          });
      }
    }
  return out;
}

/** Imports of an entity class from another library (through `@saraban/<lib>` or a path). */
export function crossLibraryEntityImports(
  source: SourceFile,
  entityLibrary: ReadonlyMap<string, string>,
): EntityImport[] {
  const found: EntityImport[] = [];
  for (const statement of source.ast.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const target = importedLibrary(source.file, from);
    if (!target || target === source.library) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      if (entityLibrary.get(name) === target)
        found.push({
          file: source.file,
          library: source.library,
          entity: name,
          from,
          line: lineOf(source.ast, statement),
        });
    }
  }
  return found;
}

function importedLibrary(file: string, from: string): string | undefined {
  const alias = /^@saraban\/([^/]+)/.exec(from);
  if (alias) return alias[1];
  if (!from.startsWith('.')) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), from));
  const [top, name] = resolved.split('/');
  return top === 'libs' ? name : undefined;
}

/** Tables created by the migrations. */
export function migratedTables(): Set<string> {
  const dir = path.join(ROOT, 'libs/database/src/migrations');
  const tables = new Set<string>();
  for (const name of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*)"?/gi))
      tables.add(m[1].toLowerCase());
    for (const m of text.matchAll(/drop\s+table\s+(?:if\s+exists\s+)?"?([a-z_][a-z0-9_]*)"?/gi))
      if (!/down\s*\(/.test(text.slice(0, m.index))) tables.delete(m[1].toLowerCase());
  }
  return tables;
}

/** What a library's `index.ts` makes public: names declared or re-exported, followed through `export *`. */
export function publicNames(library: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const ast = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of ast.statements) {
      if (ts.isExportDeclaration(statement)) {
        const spec = statement.moduleSpecifier;
        if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
        const base = path.join(path.dirname(file), spec.text);
        const target = fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts');
        const clause = statement.exportClause;
        if (!clause) visit(target);
        else if (ts.isNamedExports(clause))
          for (const element of clause.elements) names.add((element.propertyName ?? element.name).text);
        continue;
      }
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (!exported) continue;
      if (ts.isClassDeclaration(statement) && statement.name) names.add(statement.name.text);
      else if (ts.isVariableStatement(statement))
        for (const d of statement.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.add(d.name.text);
    }
  };
  visit(path.join(ROOT, 'libs', library, 'src', 'index.ts'));
  return names;
}

export interface RawSqlCall {
  file: string;
  library: string;
  /** `query` or `queryPrepared`. */
  call: string;
  line: number;
}

/**
 * Calls that send SQL text: `x.query(sql, …)` (TypeORM's DataSource, EntityManager and
 * QueryRunner) and `queryPrepared(manager, sql, …)` from @saraban/postgres. A `.query(…)` whose
 * first argument is an object or a function is something else (not SQL) and is skipped.
 */
export function rawSqlCalls(source: SourceFile): RawSqlCall[] {
  const found: RawSqlCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : undefined;
      const first = node.arguments[0];
      const textArgument = name === 'queryPrepared' ? node.arguments[1] : first;
      const isSql =
        (name === 'query' && ts.isPropertyAccessExpression(callee)) || name === 'queryPrepared'
          ? textArgument !== undefined &&
            !ts.isObjectLiteralExpression(textArgument) &&
            !ts.isArrowFunction(textArgument) &&
            !ts.isFunctionExpression(textArgument)
          : false;
      if (isSql && name)
        found.push({
          file: source.file,
          library: source.library,
          call: name,
          line: lineOf(source.ast, node),
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source.ast);
  return found;
}
