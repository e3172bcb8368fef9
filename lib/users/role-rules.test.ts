import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/audit/actor';
import { canBeLimited, canChangeUser, canGrantRole } from './role-rules';

const user = (role: 'owner' | 'admin' | 'moderator' | 'viewer', id = 'me'): Actor => ({ type: 'user', id, email: `${role}@x.test`, role, instanceIds: null });

describe('role rules', () => {
  it('only owners and the system grant owner', () => {
    expect(canGrantRole(user('owner'), 'owner')).toBe(true);
    expect(canGrantRole({ type: 'system', label: 'cli' }, 'owner')).toBe(true);
    expect(canGrantRole(user('admin'), 'owner')).toBe(false);
    expect(canGrantRole(user('admin'), 'admin')).toBe(true);
    expect(canGrantRole(user('moderator'), 'viewer')).toBe(false);
    expect(canGrantRole({ type: 'webhook', instanceId: 'i' }, 'viewer')).toBe(false);
  });

  it('nobody changes themselves; admins do not touch owners', () => {
    expect(canChangeUser(user('owner'), 'me', 'owner')).toBe(false);
    expect(canChangeUser(user('admin'), 'other', 'owner')).toBe(false);
    expect(canChangeUser(user('admin'), 'other', 'moderator')).toBe(true);
    expect(canChangeUser(user('owner'), 'other', 'owner')).toBe(true);
    expect(canChangeUser(user('viewer'), 'other', 'viewer')).toBe(false);
  });

  it('limits apply to moderators and viewers only', () => {
    expect(canBeLimited('moderator')).toBe(true);
    expect(canBeLimited('viewer')).toBe(true);
    expect(canBeLimited('admin')).toBe(false);
  });
});
