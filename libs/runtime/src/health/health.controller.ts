import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { READINESS_CHECKS, runReadinessChecks, type ReadinessCheck } from './readiness-check';

/** Kubernetes-style probes: live = the process serves HTTP; ready = its MongoDB and Kafka answer. */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; checks: unknown[] }> {
    const checks = await runReadinessChecks(this.checks);
    if (checks.some((result) => result.status === 'down')) {
      throw new ServiceUnavailableException({ code: 'not-ready', message: 'a dependency is down', checks });
    }
    return { status: 'ready', checks };
  }
}
