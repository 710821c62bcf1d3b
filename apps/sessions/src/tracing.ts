// main.ts imports this first: the instrumentations patch express, mongodb and kafkajs only as they load.
import { startTracing } from '@tandem/runtime/tracing';

startTracing('sessions');
