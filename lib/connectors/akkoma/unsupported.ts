/** The one refusal for actions Akkoma cannot do, carrying the capability note as the moderator's explanation. */
import { AppError } from '../../errors';
import { akkomaCapabilities } from './capabilities';

export const NO_SUSPEND = 'Akkoma has no suspend: deactivate the account, or use "Delete account permanently".';

export function unsupported(what: string): AppError {
  const kind = what.split(' ')[0] as keyof typeof akkomaCapabilities.notes;
  const note = what.includes('suspend') ? NO_SUSPEND : akkomaCapabilities.notes[kind];
  return new AppError('unsupported', `Akkoma connector cannot perform ${what}`, {
    userMessage: note ?? 'This server does not support that action.',
  });
}
