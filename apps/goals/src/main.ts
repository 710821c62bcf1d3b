import './tracing';
import 'reflect-metadata';
import { runService } from '@tandem/runtime';
import { goalsService } from './goals.module';

void runService(goalsService);
