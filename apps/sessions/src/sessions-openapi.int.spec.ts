import { describeRequestSchemas } from '@tandem/runtime/testing';
import { startSessionsApi } from './sessions-api.test-kit';

describeRequestSchemas('sessions', startSessionsApi);
