import { describeOpenApiDocument } from '@tandem/runtime/testing';
import { startMatchingApi } from './matching-api.test-kit';

describeOpenApiDocument('matching', () => startMatchingApi());
