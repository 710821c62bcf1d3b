import { Module } from '@nestjs/common';
import type { ServiceDefinition } from '@tandem/runtime';

/** SMART goals, milestones, progress and templates. Use-case slices register here as they are built. */
@Module({})
export class GoalsModule {}

export const goalsService: ServiceDefinition = { name: 'goals', defaultPort: 3002, module: GoalsModule, publishes: 'goals' };
