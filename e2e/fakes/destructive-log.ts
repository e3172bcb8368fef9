/**
 * What every fake records of the removals it received, and the "keep serving" switch (a CDN cache in front of the
 * server that goes on serving a deleted file). Tests read the log through GET /__fake/destructive-calls to prove a
 * purge sent each removal exactly once, also across a worker killed mid-call.
 */
export interface DestructiveCall {
  method: string;
  path: string;
  at: string;
}

export interface RemovalControls {
  calls: DestructiveCall[];
  /** While true, files removed by any step are still served with the same bytes. */
  keepServing: boolean;
  record(method: string, path: string): void;
  reset(): void;
}

export function createRemovalControls(): RemovalControls {
  const controls: RemovalControls = {
    calls: [],
    keepServing: false,
    record(method, path) {
      controls.calls.push({ method, path, at: new Date().toISOString() });
    },
    reset() {
      controls.calls = [];
    },
  };
  return controls;
}
