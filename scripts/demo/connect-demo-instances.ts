/**
 * The demo's wiring (used by scripts/demo.ts only): it lives with the demo so that nothing under lib/ exists just
 * for the fakes.
 */
import { db, disconnectDb } from '@/lib/db';
import { addInstance } from '@/lib/instances/add-instance';
import { stopBoss } from '@/lib/jobs/boss';
import { createUser } from '@/lib/users/create-user';

/**
 * Connects the demo's fake instances (once; later runs reuse them) and creates a demo owner with a random
 * password printed once, so the demo needs no setup step and still has no default password.
 */
export async function connectDemoInstances(fakes: { url: string; token: string }[], afterConnect?: () => Promise<string>): Promise<string[]> {
  const lines: string[] = [];
  const actor = { type: 'system' as const, label: 'demo' };
  for (const f of fakes) {
    if (await db.instance.findUnique({ where: { baseUrl: f.url }, select: { id: true } })) continue;
    const added = await addInstance({ ctx: { actor }, input: { kind: 'auto', baseUrl: f.url, token: f.token, allowPrivate: true } });
    lines.push(`Connected ${added.name}`);
  }
  if ((await db.user.count()) === 0) {
    const owner = await createUser({ ctx: { actor }, input: { email: 'demo@fedimod.test', role: 'owner' } });
    lines.push(`Sign in as demo@fedimod.test with password: ${owner.password}`);
  } else {
    lines.push('Sign in with the demo account created on the first demo run (or any account you added).');
  }
  // What needs the instances' ids (the demo's outside matcher), before this process lets go of the database.
  if (afterConnect) lines.push(await afterConnect());
  await stopBoss();
  await disconnectDb();
  return lines;
}
