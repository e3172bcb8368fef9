/**
 * The permanent deletions: admin/delete-account and drive/files/delete, with Misskey's params, kinds, role
 * requirements and errors (misskey-dev/misskey packages/backend/src/server/api/endpoints/admin/delete-account.ts,
 * drive/files/delete.ts, core/DeleteAccountService.ts, models/AbuseUserReport.ts).
 */
import type { Endpoint } from './endpoint-types';
import { errors, str } from './http';
import type { FakeMisskeyState } from './state';

const NO_SUCH_FILE = '908939ec-e52b-4458-b395-1025195cea58';
const FILE_ACCESS_DENIED = '5eb8d909-2540-4970-90b8-dd6f86088121';

export const deleteEndpoints: Record<string, Endpoint> = {
  'admin/delete-account': {
    kind: 'write:admin:delete-account',
    destructive: true,
    admin: true, // requireAdmin: a moderator role is not enough
    handler: ({ state, body }) => {
      const userId = str(body.userId);
      if (!userId) throw errors.invalidParam('userId');
      const user = state.users.get(userId);
      // Misskey looks the user up with findOneByOrFail and declares no NO_SUCH_USER here, so an unknown id surfaces
      // as ApiCallService's 500 INTERNAL_ERROR (verify: newer versions may declare an error).
      if (!user) throw errors.internal({ message: `Could not find any entity of type "MiUser" matching: ${userId}`, code: 'EntityNotFoundError' });
      if (userId === state.adminId) throw errors.internal({ message: 'cannot delete a root account', code: 'Error' });
      removeUser(state, userId);
    },
  },
  'drive/files/delete': {
    kind: 'write:drive',
    destructive: true,
    // No role requirement in the meta: the handler lets a moderator or administrator delete anyone's file and others
    // only their own. The instance-apis doc marked this **verify**; checked in drive/files/delete.ts, where v12 tests
    // user.isAdmin || user.isModerator and the 2023+ NestJS versions roleService.isModerator(me) (true for admins too).
    requireCredential: true,
    handler: ({ state, body }) => {
      const fileId = str(body.fileId);
      if (!fileId) throw errors.invalidParam('fileId');
      const file = state.files.get(fileId);
      if (!file) throw errors.noSuch('FILE', NO_SUCH_FILE);
      if (!state.auth.moderator && file.userId !== state.adminId) throw errors.accessDenied(FILE_ACCESS_DENIED);
      // Notes keep the id in fileIds, but a deleted file is no longer packed, so they lose the attachment.
      state.removeFile(fileId);
      state.deletedFileIds.push(fileId);
    },
  },
};

/**
 * Misskey marks the user isDeleted and queues a job (soft: false) that deletes the notes and drive files and then
 * the user row; abuse_user_report's targetUser and reporter foreign keys are ON DELETE CASCADE, so the user's
 * reports go with it. The fake applies that end state at once.
 */
function removeUser(state: FakeMisskeyState, userId: string): void {
  for (const [id, note] of state.notes) if (note.userId === userId) state.notes.delete(id);
  for (const [id, file] of state.files) if (file.userId === userId) state.removeFile(id);
  for (const [id, report] of state.reports) {
    if (report.targetUserId === userId || report.reporterId === userId) {
      state.reports.delete(id);
      state.malformed.delete(id);
    }
  }
  state.users.delete(userId);
  // Seeding picks report targets and reporters from these lists: a deleted user must not be picked again.
  state.localIds = state.localIds.filter((id) => id !== userId);
  state.remoteIds = state.remoteIds.filter((id) => id !== userId);
  state.deletedUserIds.push(userId);
}
