/** Lemmy's strict parser; the hostile-input helpers are shared by every connector. */
import { remoteParser } from '../shared/parse-remote';

export { formatIssues } from '../shared/parse-remote';

export const parseRemote = remoteParser('Lemmy');
