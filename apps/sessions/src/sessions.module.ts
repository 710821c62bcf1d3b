import { Module } from '@nestjs/common';
import type { ServiceDefinition } from '@tandem/runtime';

/** Mentoring sessions, agendas, notes, action items and feedback. Use-case slices register here as they are built. */
@Module({})
export class SessionsModule {}

export const sessionsService: ServiceDefinition = { name: 'sessions', defaultPort: 3003, module: SessionsModule, publishes: 'sessions' };
