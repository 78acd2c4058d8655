import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './config.token';
import { loadConfig } from './load-config.util';

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
