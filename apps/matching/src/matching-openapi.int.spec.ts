import { describeRequestSchemas } from '@tandem/runtime/testing';
import { startMatchingApi } from './matching-api.test-kit';

describeRequestSchemas('matching', () => startMatchingApi());
