export type {
  AssignedPair,
  AssignmentProblem,
  AssignmentSolution,
  CertificateCheck,
  OptimalityCertificate,
  PairPotential,
  SolveOptions,
  SolvePhase,
  SolveProgress,
  SolveStats,
} from './assignment-problem';
export { solveAssignment } from './solve-assignment';
export { verifyCertificate } from './verify-certificate';
export { greedyAssignment } from './greedy-assignment';
