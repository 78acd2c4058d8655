import { DataSource } from 'typeorm';
import { loadConfig } from '@saraban/config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:generate`). */
export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
