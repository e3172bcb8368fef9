/** GoToSocial's Link pagination: Mastodon's shape, but ids are ULIDs (26 Crockford base32 characters). */
import { linkPaging } from '../shared/link-paging';

export type { PageParams } from '../shared/link-paging';
export const { parseLinkHeader, encodeCursor, decodeCursor } = linkPaging(/^[0-9A-Za-z]{1,64}$/, 'GoToSocial');
