import type { RegisterEntryView } from './register-entry.view';

export interface RegisterListQuery {
  register: string;
  /** Defaults to the current Bangkok calendar year. */
  year?: number;
  /** 1-based; defaults to 1. */
  page?: number;
  /** Defaults to 50. */
  pageSize?: number;
  /** Matches ที่, running number, from, to or subject; Thai or Arabic digits alike. */
  q?: string;
}

export interface RegisterPage {
  items: RegisterEntryView[];
  total: number;
  page: number;
  pageSize: number;
}
