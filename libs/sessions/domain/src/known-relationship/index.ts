export * from './relationship-facts';
export * from './program-facts';
