import type { FakeMisskeyState } from './state';

export interface EndpointCtx {
  state: FakeMisskeyState;
  body: Record<string, unknown>;
}

/**
 * One POST /api/<name> endpoint. `kind` is the token permission it needs; `moderator` / `admin` its role
 * requirement (Misskey's requireModerator / requireAdmin).
 */
export interface Endpoint {
  kind?: string;
  requireCredential?: boolean;
  moderator?: boolean;
  admin?: boolean;
  /** Misskey's `secure`: only the user's native (web client) token may call it; access tokens get ACCESS_DENIED. */
  secure?: boolean;
  /** A removal (delete, suspend, purge): logged in state.removal once it passes the credential and role checks. */
  destructive?: boolean;
  /** `undefined` return = a void endpoint, answered 204 with an empty body. */
  handler: (ctx: EndpointCtx) => unknown;
}
