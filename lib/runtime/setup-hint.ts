import { appUrl } from '@/lib/env';
import { ensureSetupToken } from '@/lib/auth/setup-token';

/** First run: the one-time owner setup link goes to the server log only, never to a page. */
export async function printSetupHint(say: (m: string) => void): Promise<void> {
  const token = await ensureSetupToken();
  if (!token) return;
  say('No owner account yet. Create it with this one-time link (valid 24 hours):');
  say(`  ${appUrl()}/setup?token=${token}`);
  say('or run: npm run cli -- users create --email you@example.org --role owner');
}
