import type { ActorState } from './types';

export interface AccountFlags {
  suspended: boolean;
  silenced: boolean;
  disabled: boolean;
  sensitized: boolean;
}

/**
 * One word for an account's state on one instance, strongest first: a suspension outweighs a domain block (it
 * survives an unblock), and a block outweighs the account-level limits it makes moot. No row means the instance
 * never showed us the account, which is not the same as "nothing done".
 */
export function accountState(flags: AccountFlags | null, domainBlocked: boolean): ActorState {
  if (flags?.suspended) return 'suspended';
  if (domainBlocked) return 'blocked';
  if (!flags) return 'unknown';
  if (flags.disabled) return 'disabled';
  if (flags.silenced) return 'limited';
  if (flags.sensitized) return 'sensitized';
  return 'nothing';
}

export const STATE_WORDS: Record<ActorState, string> = {
  suspended: 'Suspended',
  limited: 'Limited',
  disabled: 'Login disabled',
  sensitized: 'Media marked sensitive',
  blocked: 'Domain blocked',
  nothing: 'No action taken',
  unknown: 'Not seen on this instance',
};
