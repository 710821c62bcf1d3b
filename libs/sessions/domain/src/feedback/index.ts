export * from './feedback-visibility';
