import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { AppException, ErrorCode } from '@saraban/errors';
import type { OrganisationFileProblem } from './organisation-file-problem';
import { organisationFileSchema, type OrganisationFile } from './organisation-file.schema';

function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** The deepest node of the path that exists, so a missing field points at its parent. */
function locate(
  doc: Document,
  lines: LineCounter,
  path: PropertyKey[],
): { line: number; column: number } | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return null;
}

function fail(problems: OrganisationFileProblem[]): never {
  const first = problems[0];
  const where = first.line ? ` บรรทัด ${first.line}` : '';
  throw new AppException(
    ErrorCode.OrganisationFileInvalid,
    problems,
    `ไฟล์ข้อมูลองค์กรไม่ถูกต้อง: ${first.field || '(ทั้งไฟล์)'}${where}: ${first.message}`,
  );
}

/** Parses YAML or JSON (JSON is YAML) and validates it; problems name the field and the line. */
export function parseOrganisationFile(source: string): OrganisationFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { field: '', line: pos.line, column: pos.col, message: e.message.split('\n')[0] };
      }),
    );
  }
  const result = organisationFileSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  fail(
    result.error.issues.map((issue) => {
      // An unknown key is reported where it stands, not at its parent.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
      const at = locate(doc, lines, path);
      return {
        field: fieldName(path),
        line: at?.line ?? null,
        column: at?.column ?? null,
        message: issue.message,
      };
    }),
  );
}
