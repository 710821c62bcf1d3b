import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import {
  getWithCallerToken,
  InjectServiceConfig,
  PERSONAL_DATA_SOURCES,
  type PersonalDataSource,
  type ServiceConfig,
} from '@tandem/runtime';
import { MatchingPersonalData } from './matching-personal-data';
import type { PersonalDataExport } from './personal-data-schemas';

const TIMEOUT_MS = 10_000;

/**
 * One document with everything every service holds about a person: matching's own part, and each
 * other service's `GET /people/{userId}/personal-data`, asked with the caller's own token (so each
 * service applies its own access rule). All or nothing: a service that cannot answer makes it 503.
 */
@Injectable()
export class PersonalDataExports {
  constructor(
    private readonly matching: MatchingPersonalData,
    @InjectServiceConfig() private readonly config: ServiceConfig,
  ) {}

  async export(
    tenantId: string,
    userId: string,
    authorization: string | undefined,
  ): Promise<PersonalDataExport> {
    const own = await this.matching.of(tenantId, userId);
    if (!own.directory && own.enrolments.length === 0 && own.relationships.length === 0)
      throw new NotFoundException('Person not found');
    const sources = this.config.personalDataSources;
    if (!sources)
      throw new ServiceUnavailableException(
        'Personal data export is not available: PERSONAL_DATA_SOURCES is not set',
      );
    const answers = await Promise.all(
      PERSONAL_DATA_SOURCES.map(
        async (name) => [name, await ask(name, sources[name], userId, authorization)] as const,
      ),
    );
    return {
      format: 'tandem.personal-data-export',
      formatVersion: 1,
      tenantId,
      userId,
      exportedAt: new Date().toISOString(),
      services: {
        matching: own,
        ...(Object.fromEntries(answers) as Record<PersonalDataSource, Record<string, unknown>>),
      },
    };
  }
}

function ask(
  service: PersonalDataSource,
  base: string,
  userId: string,
  authorization: string | undefined,
): Promise<Record<string, unknown>> {
  return getWithCallerToken(
    `${base}/api/${service}/v1/people/${encodeURIComponent(userId)}/personal-data`,
    authorization,
    { what: 'Personal data export is', from: `the ${service} service`, timeoutMs: TIMEOUT_MS },
  );
}
