import { describeApiFuzz } from '@tandem/runtime/testing';
import { startMatchingApi } from './matching-api.test-kit';

describeApiFuzz('matching', () => startMatchingApi());
