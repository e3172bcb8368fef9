/**
 * How the merged list is published. Everyone signed in may see whether it is; the URL with its token is for
 * admins and owners only (anyone holding it can read the list), a public URL for everyone.
 */
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { PublishView } from '../types';
import { readPublishSettings } from './publish-settings';
import { publishUrl } from './publish-url';

export async function getPublish({ ctx }: { ctx: Ctx; input?: unknown }): Promise<PublishView> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'forbidden: blocklists.publish');
  const s = await readPublishSettings();
  const showUrl = s.public || hasRole(ctx.actor, 'admin');
  return { enabled: s.enabled, public: s.public, url: showUrl ? publishUrl(s) : null };
}
