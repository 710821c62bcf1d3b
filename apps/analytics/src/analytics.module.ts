import { Module } from '@nestjs/common';
import type { ServiceDefinition } from '@tandem/runtime';

/** Facts, rollups, program health and the analyst query API. Use-case slices register here as they are built. */
@Module({})
export class AnalyticsModule {}

export const analyticsService: ServiceDefinition = { name: 'analytics', defaultPort: 3004, module: AnalyticsModule };
