/** What the UI and API may see of a user: never the password hash. */
import type { Role } from '@/lib/generated/prisma/enums';

export const userViewSelect = {
  id: true,
  email: true,
  name: true,
  pseudonym: true,
  role: true,
  disabledAt: true,
  lastSignInAt: true,
  createdAt: true,
  limitedToInstances: true,
  evidenceAccess: true,
  filingAccess: true,
  federationAccess: true,
  instances: { select: { instanceId: true } },
} as const;

export interface UserView {
  id: string;
  email: string;
  name: string;
  /** The name the person acts under outside the app (issue 15). */
  pseudonym: string;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  /** null = every instance */
  instanceIds: string[] | null;
  /** Granted evidence access (owners and admins have it by role, whatever this says). */
  evidenceAccess: boolean;
  /** Granted filing access to CyberTipline (owners and admins have it by role, whatever this says). */
  filingAccess: boolean;
  /** Granted the right to apply blocklists (owners and admins have it by role, whatever this says). */
  federationAccess: boolean;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  pseudonym: string;
  role: Role;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  limitedToInstances: boolean;
  evidenceAccess: boolean;
  filingAccess: boolean;
  federationAccess: boolean;
  instances: { instanceId: string }[];
}

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    pseudonym: u.pseudonym,
    role: u.role,
    disabled: u.disabledAt !== null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    instanceIds: u.limitedToInstances ? u.instances.map((i) => i.instanceId) : null,
    evidenceAccess: u.evidenceAccess,
    filingAccess: u.filingAccess,
    federationAccess: u.federationAccess,
  };
}
