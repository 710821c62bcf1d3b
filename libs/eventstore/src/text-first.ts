import { ConcurrencyError, InvalidEventError } from './errors';
import { isDomainError } from '@tandem/kernel';

/** The free text a command keeps outside its events: written before the append, taken back if nothing was appended. */
export interface TextWrite {
  save(): Promise<unknown>;
  discard(): Promise<unknown>;
}

/** Errors after which the append certainly did not happen (a refusal, a lost race, an invalid event). */
const nothingAppended = (error: unknown): boolean =>
  isDomainError(error) || error instanceof ConcurrencyError || error instanceof InvalidEventError;

/**
 * Saves the text, then runs the command. The text is keyed by ids the events carry, and read models
 * show it only joined to those events, so a crash between the two leaves text nobody sees, never
 * an event without its text. A refused command takes its text back, so it writes nothing.
 */
export async function withTextFirst<T>(text: TextWrite | undefined, run: () => Promise<T>): Promise<T> {
  await text?.save();
  try {
    return await run();
  } catch (error) {
    if (text && nothingAppended(error)) await text.discard();
    throw error;
  }
}
