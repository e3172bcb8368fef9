/**
 * The `matchers` CLI group: list, add, set, remove, test (the same verbs as the API). The key comes from stdin with
 * `--key-stdin` (a `--key` argument shows in the process list and shell history); it is never printed.
 * `--instance` takes one id or several separated by commas (the opt-in list; empty = no instance is checked).
 */
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { readStdinCapped } from '@/lib/cli/instance-token';
import { deleteMatcher } from './delete-matcher';
import { listMatchers } from './list-matchers';
import { matcherPatchSchema, type MatcherPatch } from './matcher-input';
import { saveMatcher } from './save-matcher';
import { testMatcher } from './test-matcher';
import type { MatcherView } from './types';

type Out = (line: string) => void;
type Flags = ParsedArgs['flags'];

export async function runMatchersCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor, warn: Out = (l) => console.error(l)): Promise<number> {
  const ctx = { actor };
  const f = args.flags;
  const v = verb.replace(/^matchers\s+/, '');
  const id = args.positional[0] === 'matchers' ? args.positional[2] : args.positional[0];
  if (v === 'list') {
    const rows = await listMatchers({ ctx });
    if (f.json) out(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) out('No outside matchers.');
    else for (const m of rows) out(line(m));
    return 0;
  }
  if (v === 'add' || v === 'set') {
    if (v === 'set' && !id) return usage(out, 'matchers set ID [options]');
    const input = matcherPatchSchema.parse(await flagsToInput(f, v === 'add', warn));
    const view = await saveMatcher({ ctx, input: { ...input, ...(v === 'set' ? { id } : {}) } });
    out(f.json ? JSON.stringify(view, null, 2) : `${v === 'add' ? 'Added' : 'Saved'}: ${line(view)}`);
    return 0;
  }
  if (v === 'remove') {
    if (!id) return usage(out, 'matchers remove ID');
    await deleteMatcher({ ctx, input: { id } });
    out(`Removed matcher ${id}.`);
    return 0;
  }
  if (v === 'test') {
    if (!id) return usage(out, 'matchers test ID');
    const r = await testMatcher({ ctx, input: { id } });
    out(`Connection: ${r.ok ? 'OK' : 'FAILED'}: ${r.detail}`);
    return r.ok ? 0 : 1;
  }
  return usage(out, 'matchers list|add|set|remove|test');
}

function usage(out: Out, text: string): number {
  out(`usage: ${text}`);
  return 2;
}

const str = (f: Flags, name: string): string | undefined => (typeof f[name] === 'string' ? f[name] : undefined);
const num = (f: Flags, name: string): number | undefined => (str(f, name) === undefined ? undefined : Number(str(f, name)));

/** Flags into a MatcherInput; on add the defaults of the schema's columns fill what is not given. */
async function flagsToInput(f: Flags, adding: boolean, warn: Out): Promise<MatcherPatch> {
  let key = str(f, 'key');
  if (f['key-stdin'] === true) key = (await readStdinCapped()).trim();
  else if (key) warn('warning: --key puts the key in the process list and shell history; use --key-stdin instead');
  const input: Record<string, unknown> = {
    name: str(f, 'name'), kind: str(f, 'kind'), baseUrl: str(f, 'url'), key,
    allowPrivate: f['allow-private'] === true ? true : undefined,
    enabled: f.enable === true ? true : f.disable === true ? false : adding ? true : undefined,
    instanceIds: str(f, 'instance')?.split(',').map((s) => s.trim()).filter(Boolean),
    signalTypes: str(f, 'signals')?.split(',').map((s) => s.trim()).filter(Boolean),
    severity: num(f, 'severity'), label: str(f, 'label'), timeoutMs: num(f, 'timeout-ms'), perMinute: num(f, 'per-minute'),
  };
  if (adding) {
    const defaults = { instanceIds: [], signalTypes: ['pdq', 'md5'], severity: 5, label: 'csam', timeoutMs: 3000, perMinute: 60 };
    for (const [k, d] of Object.entries(defaults)) if (input[k] === undefined) input[k] = d;
  }
  return Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)) as MatcherPatch;
}

function line(m: MatcherView): string {
  const circuit = m.circuit === 'closed' ? '' : `  circuit ${m.circuit}${m.openUntil ? ` until ${m.openUntil}` : ''}`;
  return `${m.id}  ${m.kind.padEnd(5)} ${m.enabled ? 'on ' : 'off'} ${m.name} <${m.baseUrl}> key:${m.hasKey ? 'stored' : 'none'} `
    + `instances:${m.instanceIds.length} ${m.signalTypes.join(',')} sev ${m.severity} ${m.label}  hits:${m.hits} checked:${m.checked} pending:${m.pendingChecks}${circuit}${m.lastError ? `  error: ${m.lastError}` : ''}`;
}
