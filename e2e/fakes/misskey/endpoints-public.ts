/** `i`, `meta` and `notes/show`: what the connector reads besides the admin endpoints. */
import type { Endpoint } from './endpoint-types';
import { errors, str } from './http';
import { packNote, packUser } from './serialize';

export const publicEndpoints: Record<string, Endpoint> = {
  i: {
    kind: 'read:account',
    requireCredential: true,
    handler: ({ state }) => {
      const admin = state.users.get(state.adminId)!;
      return { ...packUser(state, admin), isModerator: state.auth.moderator, isAdmin: state.auth.moderator && state.auth.admin };
    },
  },
  meta: {
    handler: ({ state }) => ({ name: state.name, version: state.version, uri: state.baseUrl, description: 'A fake for tests' }),
  },
  'notes/show': {
    handler: ({ state, body }) => {
      const note = state.notes.get(str(body.noteId) ?? '');
      if (!note) throw errors.noSuch('NOTE', '24fcbfc6-2e37-42b6-8388-c29b3861a08d');
      return packNote(state, note);
    },
  },
};
