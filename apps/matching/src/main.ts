import './tracing';
import 'reflect-metadata';
import { runService } from '@tandem/runtime';
import { matchingService } from './matching.module';

void runService(matchingService);
