export * from './reflection-visibility';
