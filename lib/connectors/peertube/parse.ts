/** PeerTube's strict parser: a malformed entity is a remote_error with the zod issues. */
import { remoteParser } from '../shared/parse-remote';

export const parseRemote = remoteParser('PeerTube');
