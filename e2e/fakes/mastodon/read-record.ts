/** One read call as the fake received it (watch lists, issue 14): what tests assert on, e.g. that resolve was never true. */
import type { Params } from './http';

export interface ReadRecord {
  method: string;
  path: string;
  query: Params;
  time: string;
}

export function recordRead(reads: ReadRecord[], path: string, query: Params): void {
  reads.push({ method: 'GET', path, query, time: new Date().toISOString() });
}
