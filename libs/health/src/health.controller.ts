import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '@saraban/auth';
import { ReadinessChecks } from './readiness-checks';
import { RedisHealthIndicator } from './redis.health-indicator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly checks: ReadinessChecks,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'PostgreSQL and Redis answer, and so does every part this process runs (the worker: its PDF renderer and queue worker; the API: its preview renderer once started); 503 otherwise',
  })
  ready(): Promise<HealthCheckResult> {
    const registered: HealthIndicatorFunction[] = this.checks.entries().map(([name, check]) => async () => {
      const indicator = this.indicators.check(name);
      try {
        const answer = await check();
        return answer.up ? indicator.up(answer.details) : indicator.down(answer.details);
      } catch (error) {
        return indicator.down({ message: error instanceof Error ? error.message : String(error) });
      }
    });
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 3000 }),
      () => this.redis.isHealthy('redis'),
      ...registered,
    ]);
  }
}
