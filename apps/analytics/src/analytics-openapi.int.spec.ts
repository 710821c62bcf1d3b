import { describeRequestSchemas, startServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from './analytics.module';

describeRequestSchemas('analytics', () => startServiceApi(analyticsService));
