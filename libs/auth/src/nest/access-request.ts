import type { Principal } from '../principal/principal';

/** The parts of an Express request the access guard reads and writes. */
export interface AccessRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip?: string;
  readonly path: string;
  principal?: Principal;
}

export interface AccessResponse {
  setHeader(name: string, value: string): unknown;
}
