import './tracing';
import 'reflect-metadata';
import { runService } from '@tandem/runtime';
import { sessionsService } from './sessions.module';

void runService(sessionsService);
