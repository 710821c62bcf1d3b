import { Module } from '@nestjs/common';
import type { ServiceDefinition } from '@tandem/runtime';

/** Programs, enrolment, matching and relationships. Use-case slices register here as they are built. */
@Module({})
export class MatchingModule {}

export const matchingService: ServiceDefinition = { name: 'matching', defaultPort: 3001, module: MatchingModule, publishes: 'matching' };
