import { appUrl } from '@/lib/env';
import type { PublishSettings } from './publish-settings';

export const PUBLISH_PATH = '/api/blocklists/published.csv';

export function publishUrl(s: PublishSettings): string | null {
  if (!s.enabled) return null;
  const url = new URL(PUBLISH_PATH, appUrl());
  if (!s.public && s.token) url.searchParams.set('token', s.token);
  return url.toString();
}
