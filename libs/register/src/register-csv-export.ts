export interface RegisterCsvExport {
  year: number;
  /** UTF-8 text starting with a BOM. */
  csv: string;
}
