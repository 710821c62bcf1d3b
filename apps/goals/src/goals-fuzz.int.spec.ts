import { describeApiFuzz } from '@tandem/runtime/testing';
import { startGoalsApi } from './goals-api.test-kit';

describeApiFuzz('goals', startGoalsApi);
