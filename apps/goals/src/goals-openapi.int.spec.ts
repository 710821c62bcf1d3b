import { describeOpenApiDocument } from '@tandem/runtime/testing';
import { startGoalsApi } from './goals-api.test-kit';

describeOpenApiDocument('goals', startGoalsApi);
