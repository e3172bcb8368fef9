/** Akkoma's strict parser and nickname check; the other hostile-input helpers are shared by every connector. */
import { AppError } from '../../errors';
import { remoteParser } from '../shared/parse-remote';

export { formatIssues, rawId, safeId } from '../shared/parse-remote';

export const parseRemote = remoteParser('Akkoma');

/** Nicknames go into JSON bodies, not paths, but a malformed one is still a caller bug worth stopping early. */
export function safeNickname(nickname: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.-]{1,253})?$/.test(nickname)) {
    throw new AppError('bad_request', 'Invalid Akkoma nickname', { userMessage: 'That account nickname is not valid.' });
  }
  return nickname;
}
