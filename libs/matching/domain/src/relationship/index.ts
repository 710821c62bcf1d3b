export * from './relationship-state';
export * from './relationship-commands';
export * from './relationship-decider';
export { pickRematchMentor, requireRematchQueued, type RematchCandidate } from './relationship-rematch';
