export { fold, type Decider } from './decider';
export { DomainError, isDomainError, type DomainErrorKind } from './domain-error';
export { given, type Refusal } from './given-when-then';
export { canReadComment, type CommentVisibility, type CommentReader } from './comment-visibility';
