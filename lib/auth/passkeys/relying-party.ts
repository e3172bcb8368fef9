/**
 * The WebAuthn relying party is this app: its ID is the host name of APP_URL and the only origin a response may
 * come from is APP_URL's origin. Deriving both from one setting keeps registration and sign-in in step.
 */
import { appUrl } from '@/lib/env';

export const RP_NAME = 'Fedimod';

export function relyingParty(): { rpID: string; origin: string; rpName: string } {
  const url = new URL(appUrl());
  return { rpID: url.hostname, origin: url.origin, rpName: RP_NAME };
}
