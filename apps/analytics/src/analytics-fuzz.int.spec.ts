import { describeApiFuzz, startServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from './analytics.module';

// Few operations, most of them reports: more examples each to reach the run's 1,000 requests.
describeApiFuzz('analytics', () => startServiceApi(analyticsService), { maxExamples: 150 });
