/** Account and Admin::Account JSON, following Mastodon's REST serializers. */
import type { FakeAccount } from './entities';
import { acctOf, type FakeState } from './state';

export function accountUrls(state: FakeState, a: FakeAccount): { url: string; uri: string } {
  const origin = a.domain ? `https://${a.domain}` : state.baseUrl;
  return { url: `${origin}/@${a.username}`, uri: `${origin}/users/${a.username}` };
}

export function serializeAccount(state: FakeState, a: FakeAccount) {
  const avatar = `${state.baseUrl}/avatars/original/missing.png`;
  const header = `${state.baseUrl}/headers/original/missing.png`;
  return {
    id: a.id,
    username: a.username,
    acct: acctOf(a),
    display_name: a.displayName,
    locked: false,
    bot: a.username.endsWith('bot'),
    discoverable: true,
    indexable: false,
    group: false,
    created_at: a.createdAt,
    note: '<p>Synthetic account for tests.</p>',
    ...accountUrls(state, a),
    avatar,
    avatar_static: avatar,
    header,
    header_static: header,
    followers_count: 3,
    following_count: 5,
    statuses_count: 12,
    last_status_at: a.createdAt.slice(0, 10),
    emojis: [],
    fields: [],
    ...(a.suspended ? { suspended: true } : {}),
  };
}

export function serializeAdminAccount(state: FakeState, a: FakeAccount) {
  const local = a.domain === null;
  return {
    id: a.id,
    username: a.username,
    domain: a.domain,
    created_at: a.createdAt,
    email: a.email,
    ip: local ? '192.0.2.10' : null,
    ips: local ? [{ ip: '192.0.2.10', used_at: a.createdAt }] : [],
    role: local ? serializeRole(state, a.roleName ?? 'User') : null,
    confirmed: local,
    suspended: a.suspended,
    silenced: a.silenced,
    sensitized: a.sensitized,
    disabled: local && a.disabled, // disabling acts on the local login, so remote accounts never show it
    approved: true,
    locale: local ? 'en' : null,
    invite_request: null,
    account: serializeAccount(state, a),
  };
}

// UserRole::FLAGS bits in Mastodon (app/models/user_role.rb).
const FLAG = { administrator: 1 << 0, manageReports: 1 << 4, manageFederation: 1 << 5, manageUsers: 1 << 10, deleteUserData: 1 << 19 };

export function serializeRole(state: FakeState, name: string) {
  let permissions = 0;
  if (name !== 'User') {
    const p = state.auth.rolePermissions;
    if (p.manageReports) permissions |= FLAG.manageReports;
    if (p.manageFederation) permissions |= FLAG.manageFederation;
    if (p.manageUsers) permissions |= FLAG.manageUsers;
    if (p.deleteUserData !== false) permissions |= FLAG.deleteUserData;
    if (p.manageReports && p.manageFederation && p.manageUsers && p.deleteUserData !== false) permissions |= FLAG.administrator;
  }
  return { id: name === 'User' ? '-99' : '3', name, color: '', permissions: String(permissions), highlighted: name !== 'User' };
}

export function serializeCredentialAccount(state: FakeState) {
  const admin = state.admin();
  const custom = !Object.values(state.auth.rolePermissions).every(Boolean);
  return {
    ...serializeAccount(state, admin),
    source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [] },
    role: serializeRole(state, custom ? 'Limited staff' : admin.roleName ?? 'Owner'),
  };
}
