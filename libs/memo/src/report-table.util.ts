import { parse } from 'csv-parse/sync';
import { AppException, ErrorCode } from '@saraban/errors';
import type { ReportTable } from './entities/memo-attachment.entity';
import { MEMO_LIMITS } from './memo-limits';

interface FieldProblem {
  field: string;
  problems: string[];
}

function invalid(field: string, problem: string): AppException {
  const details: FieldProblem[] = [{ field, problems: [problem] }];
  return new AppException(ErrorCode.ValidationFailed, details);
}

/**
 * Checks the shape of a structured table: a header and rows exactly as wide as it, within the limits.
 * Throws VALIDATION_FAILED naming the first bad row.
 */
export function checkReportTable(table: ReportTable): ReportTable {
  const width = table.columns.length;
  if (width === 0) throw invalid('columns', 'ตารางต้องมีอย่างน้อย ๑ คอลัมน์');
  if (width > MEMO_LIMITS.tableColumns)
    throw invalid('columns', `ตารางมีได้ไม่เกิน ${MEMO_LIMITS.tableColumns} คอลัมน์`);
  if (table.rows.length > MEMO_LIMITS.tableRows)
    throw invalid('rows', `ตารางมีได้ไม่เกิน ${MEMO_LIMITS.tableRows} แถว`);
  for (const [r, row] of table.rows.entries()) {
    if (row.length !== width) {
      throw invalid(`rows.${r}`, `แถวที่ ${r + 1} มี ${row.length} ช่อง แต่หัวตารางมี ${width} คอลัมน์`);
    }
  }
  return table;
}

/**
 * Reads text copied from a spreadsheet (Excel, LibreOffice, Google Sheets): tab-separated, the first
 * line is the header. Cells holding a line break, a tab or a quote arrive quoted with doubled quotes,
 * which a CSV parser handles and hand-splitting on newlines does not. Trailing empty cells that some
 * tools leave out are filled in; a row wider than the header is an error.
 */
export function parseSpreadsheetTsv(text: string): ReportTable {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: '\t',
      quote: '"',
      escape: '"',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MEMO_LIMITS.tableCellText * MEMO_LIMITS.tableColumns,
    });
  } catch (error: unknown) {
    const where = error instanceof Error && 'lines' in error ? ` (บรรทัดที่ ${String(error.lines)})` : '';
    throw invalid('tsv', `อ่านข้อความที่วางจากตารางคำนวณไม่ได้${where}`);
  }
  // A copied range usually ends with a line break, and may end with rows whose cells are all empty.
  while (records.length > 0 && records[records.length - 1].every((cell) => cell.trim() === '')) records.pop();
  const [header, ...rows] = records;
  if (!header) throw invalid('tsv', 'ไม่พบหัวตาราง (บรรทัดแรก)');
  // Text typed or copied from a document has no cells: it is not a table, whatever it says.
  if (header.length < 2) {
    throw invalid(
      'tsv',
      'ข้อความที่วางไม่ใช่ตาราง (ไม่มีการแบ่งช่องด้วยแท็บ) กรุณาคัดลอกช่วงเซลล์อย่างน้อย ๒ คอลัมน์จาก Excel หรือ LibreOffice แล้ววางใหม่ หรือแนบตารางเป็นไฟล์ PDF แทน',
    );
  }
  if (rows.length === 0) {
    throw invalid('tsv', 'มีแต่หัวตาราง ยังไม่มีแถวข้อมูล กรุณาคัดลอกหัวตารางพร้อมแถวข้อมูลแล้ววางใหม่');
  }
  if (header.length > MEMO_LIMITS.tableColumns) {
    throw invalid('tsv', `ตารางมีได้ไม่เกิน ${MEMO_LIMITS.tableColumns} คอลัมน์`);
  }
  for (const [c, cell] of header.entries()) {
    if (cell.length > MEMO_LIMITS.tableCellText) throw invalid('tsv', `หัวคอลัมน์ที่ ${c + 1} ยาวเกินไป`);
  }
  const width = header.length;
  const padded = rows.map((row, r) => {
    if (row.length > width) {
      throw invalid('tsv', `แถวที่ ${r + 1} มี ${row.length} ช่อง มากกว่าหัวตารางซึ่งมี ${width} คอลัมน์`);
    }
    for (const [c, cell] of row.entries()) {
      if (cell.length > MEMO_LIMITS.tableCellText) {
        throw invalid('tsv', `แถวที่ ${r + 1} ช่องที่ ${c + 1} ยาวเกิน ${MEMO_LIMITS.tableCellText} ตัวอักษร`);
      }
    }
    return row.length < width ? [...row, ...Array<string>(width - row.length).fill('')] : row;
  });
  return checkReportTable({ columns: header, rows: padded });
}
