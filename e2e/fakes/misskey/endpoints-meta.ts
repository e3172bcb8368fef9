/**
 * admin/meta and admin/update-meta, the host lists only (misskey-dev/misskey packages/backend/src/server/api/endpoints/
 * admin/meta.ts and update-meta.ts): both need an administrator role. update-meta replaces a list whole when it is
 * given: blockedHosts drops empty entries and is lower-cased; silencedHosts is sorted, de-duplicated, drops empty
 * entries and any host in the blockedHosts of the same call, and is NOT lower-cased (as upstream).
 */
import type { Endpoint } from './endpoint-types';
import { errors } from './http';

function hostList(body: Record<string, unknown>, name: 'blockedHosts' | 'silencedHosts'): string[] | null | undefined {
  const v = body[name];
  if (v === undefined || v === null) return v;
  if (!Array.isArray(v) || v.some((h) => typeof h !== 'string')) throw errors.invalidParam(name);
  return v as string[];
}

export const metaEndpoints: Record<string, Endpoint> = {
  'admin/meta': {
    kind: 'read:admin:meta',
    admin: true,
    handler: ({ state }) => ({
      name: state.name, uri: state.baseUrl, version: state.version, disableRegistration: false,
      blockedHosts: [...state.blockedHosts], silencedHosts: [...state.silencedHosts], mediaSilencedHosts: [],
      sensitiveWords: [], prohibitedWords: [], hiddenTags: [], pinnedUsers: [], bannedEmailDomains: [],
    }),
  },
  'admin/update-meta': {
    kind: 'write:admin:meta',
    admin: true,
    handler: ({ state, body }) => {
      const blocked = hostList(body, 'blockedHosts');
      const silenced = hostList(body, 'silencedHosts');
      let setBlocked: string[] | undefined;
      if (Array.isArray(blocked)) setBlocked = state.blockedHosts = blocked.filter(Boolean).map((h) => h.toLowerCase());
      if (Array.isArray(silenced)) {
        let last = '';
        state.silencedHosts = [...silenced].sort().filter((h) => {
          const previous = last;
          last = h;
          return h !== '' && h !== previous && !setBlocked?.includes(h);
        });
      }
    },
  },
};
