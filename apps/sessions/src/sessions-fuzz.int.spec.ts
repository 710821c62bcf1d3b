import { describeApiFuzz } from '@tandem/runtime/testing';
import { startSessionsApi } from './sessions-api.test-kit';

describeApiFuzz('sessions', startSessionsApi);
