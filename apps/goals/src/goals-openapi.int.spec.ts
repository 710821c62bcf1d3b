import { describeRequestSchemas } from '@tandem/runtime/testing';
import { startGoalsApi } from './goals-api.test-kit';

describeRequestSchemas('goals', startGoalsApi);
