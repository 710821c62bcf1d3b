import { describeOpenApiDocument, startServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from './analytics.module';

describeOpenApiDocument('analytics', () => startServiceApi(analyticsService));
