/** Mastodon's Link pagination: ids are digit strings (snowflakes). */
import { linkPaging } from '../shared/link-paging';

export type { PageParams } from '../shared/link-paging';
export const { parseLinkHeader, encodeCursor, decodeCursor } = linkPaging(/^\d+$/, 'Mastodon');
