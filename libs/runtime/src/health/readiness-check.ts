/** Something a service depends on; readiness fails while any check throws. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessResult {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly error?: string;
}

export async function runReadinessChecks(checks: readonly ReadinessCheck[]): Promise<ReadinessResult[]> {
  return Promise.all(
    checks.map(async ({ name, check }): Promise<ReadinessResult> => {
      try {
        await check();
        return { name, status: 'up' };
      } catch (error) {
        return { name, status: 'down', error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
