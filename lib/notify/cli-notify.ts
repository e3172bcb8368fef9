/**
 * The `notify` CLI group: list, add, remove, test. The secret (JSON signing key or Matrix token) comes from
 * `--secret-stdin`; `--secret S` works with a warning, since it shows in the process list and shell history.
 * Nothing printed ever holds the secret.
 */
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { required } from '@/lib/cli/args';
import { readStdinCapped } from '@/lib/cli/instance-token';
import { isAppError } from '@/lib/errors';
import { deleteHook } from './delete-hook';
import { hookInputSchema } from './hook-input';
import { listHooks } from './list-hooks';
import { saveHook } from './save-hook';
import { testHook } from './test-hook';
import type { NotifyHookView } from './types';

export async function runNotifyCommand(verb: string, args: ParsedArgs, out: (line: string) => void, actor: Actor): Promise<number> {
  const ctx = { actor };
  const f = args.flags;
  try {
    switch (verb) {
      case 'notify list': {
        const hooks = await listHooks({ ctx });
        if (f.json === true) out(JSON.stringify(hooks, null, 2));
        else if (hooks.length === 0) out('No notification hooks.');
        else for (const h of hooks) out(line(h));
        return 0;
      }
      case 'notify add': {
        let secret = typeof f.secret === 'string' ? f.secret : undefined;
        if (f['secret-stdin'] === true) secret = (await readStdinCapped()).trim();
        else if (secret) console.error('warning: --secret puts the secret in the process list and shell history; use --secret-stdin instead');
        const input = hookInputSchema.parse({
          name: required(f, 'name'), kind: required(f, 'kind'), url: required(f, 'url'), room: typeof f.room === 'string' ? f.room : null,
          secret, allowPrivate: f['allow-private'] === true, enabled: true,
          events: typeof f.events === 'string' ? f.events.split(',').map((e) => e.trim()).filter(Boolean) : ['hold.placed', 'hold.overdue'],
        });
        const hook = await saveHook({ ctx, input });
        out(f.json === true ? JSON.stringify(hook, null, 2) : `Added ${line(hook)}`);
        return 0;
      }
      case 'notify remove': {
        await deleteHook({ ctx, input: { id: positionalId(args) } });
        out('Removed.');
        return 0;
      }
      case 'notify test': {
        const r = await testHook({ ctx, input: { id: positionalId(args) } });
        out(r.detail);
        return r.ok ? 0 : 1;
      }
      default:
        out('Usage: notify list|add|remove|test');
        return 2;
    }
  } catch (e) {
    out(`error: ${message(e)}`);
    return 1;
  }
}

function line(h: NotifyHookView): string {
  const target = h.kind === 'matrix' ? `${h.url} ${h.room ?? ''}` : h.url;
  return `${h.id}  ${h.name}  ${h.kind}  ${target}  [${h.events.join(',')}]${h.enabled ? '' : '  (off)'}  last: ${h.lastStatus ?? 'never sent'}${h.pending ? `  pending ${h.pending}` : ''}`;
}

function positionalId(args: ParsedArgs): string {
  // positional[0..1] are the group and verb ("notify", "remove").
  const id = args.positional[2];
  if (!id) throw new Error('give the hook id');
  return id;
}

function message(e: unknown): string {
  if (isAppError(e)) return e.userMessage;
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray(e.issues)) return String((e.issues[0] as { message?: string })?.message ?? 'invalid input');
  return e instanceof Error ? e.message : String(e);
}
