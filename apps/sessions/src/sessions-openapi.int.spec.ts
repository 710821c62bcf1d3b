import { describeOpenApiDocument } from '@tandem/runtime/testing';
import { startSessionsApi } from './sessions-api.test-kit';

describeOpenApiDocument('sessions', startSessionsApi);
