// Entity classes stay inside; the entry's status is public.
export type { RegisterEntryStatus } from './entities/register-entry.entity';
export * from './issue-number-input';
export * from './register-csv-export';
export * from './register-csv.util';
export * from './register-entry.view';
export * from './register-name';
export * from './register-number-change.view';
export * from './register-page';
export * from './register-year-summary';
export * from './register.module';
export * from './register.service';
export * from './register-entry.repository';
export * from './dto/register-input.schema';
