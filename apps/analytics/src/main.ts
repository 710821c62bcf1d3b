import './tracing';
import 'reflect-metadata';
import { runService } from '@tandem/runtime';
import { analyticsService } from './analytics.module';

void runService(analyticsService);
