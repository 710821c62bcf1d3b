import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Responds } from '@tandem/auth';
import { z } from 'zod';
import { READINESS_CHECKS, runReadinessChecks, type ReadinessCheck } from './readiness-check';

const liveResponse = z.object({ status: z.literal('ok') });
const readyResponse = z.object({
  status: z.literal('ready'),
  checks: z.array(
    z.object({ name: z.string(), status: z.enum(['up', 'down']), error: z.string().optional() }),
  ),
});

/** Kubernetes-style probes: live = the process serves HTTP; ready = its MongoDB and Kafka answer. */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  @Responds(liveResponse, { description: 'The process serves HTTP' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Responds(readyResponse, { description: 'MongoDB and Kafka answer', errors: [503] })
  async ready(): Promise<{ status: 'ready'; checks: unknown[] }> {
    const checks = await runReadinessChecks(this.checks);
    if (checks.some((result) => result.status === 'down')) {
      throw new ServiceUnavailableException({ code: 'not-ready', message: 'a dependency is down', checks });
    }
    return { status: 'ready', checks };
  }
}
