/** The `rules` CLI group: list, add, set and remove hold rules (same verbs as the API; zod parses the flags). */
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { deleteRule } from './delete-rule';
import { listRules } from './list-rules';
import { saveRule } from './save-rule';
import type { RuleView } from './types';

type Flags = ParsedArgs['flags'];

export async function runRulesCommand(verb: string, args: ParsedArgs, out: (line: string) => void, actor: Actor): Promise<number> {
  const ctx = { actor };
  const f = args.flags;
  switch (verb) {
    case 'rules list': {
      const rules = await listRules({ ctx });
      if (f.json) out(JSON.stringify(rules, null, 2));
      else if (rules.length === 0) out('No hold rules.');
      else for (const r of rules) out(line(r));
      return 0;
    }
    case 'rules add':
    case 'rules set': {
      const id = verb === 'rules set' ? args.positional[0] : undefined;
      if (verb === 'rules set' && !id) {
        out('usage: rules set ID [options]');
        return 2;
      }
      const rule = await saveRule({ ctx, input: { id, rule: ruleFlags(f, verb === 'rules add') } });
      out(f.json ? JSON.stringify(rule, null, 2) : `${verb === 'rules add' ? 'Added' : 'Saved'}: ${line(rule)}`);
      return 0;
    }
    case 'rules remove': {
      const id = args.positional[0];
      if (!id) {
        out('usage: rules remove ID');
        return 2;
      }
      await deleteRule({ ctx, input: { id } });
      out(`Removed rule ${id}.`);
      return 0;
    }
    default:
      out(`unknown command: ${verb}`);
      return 2;
  }
}

/** Only the flags given become fields, so `set` changes just those; the verb's zod schema checks the values. */
function ruleFlags(f: Flags, adding: boolean): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  const num = (k: string) => (str(k) !== undefined ? Number(str(k)) : undefined);
  const list = (k: string) => (str(k) !== undefined ? str(k)!.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const set = (k: string, v: unknown) => { if (v !== undefined) r[k] = v; };
  set('name', str('name'));
  set('trigger', str('trigger'));
  if (f.live) r.mode = 'live';
  else if (f['dry-run'] || adding) r.mode = 'dry_run';
  if (f.enable) r.enabled = true;
  if (f.disable) r.enabled = false;
  set('minSeverity', num('min-severity'));
  set('labels', list('labels'));
  set('minScore', num('min-score'));
  set('level', str('level'));
  if (f['allow-suspend']) r.allowSuspend = true;
  if (f['no-suspend']) r.allowSuspend = false;
  set('reviewMinutes', num('review-minutes'));
  set('instanceIds', list('instance'));
  return r;
}

function line(r: RuleView): string {
  const when = r.trigger === 'report_score' ? `score >= ${r.minScore}` : r.trigger === 'watch_hit' ? 'any watch hit' : `severity >= ${r.minSeverity}${r.labels.length ? ` (${r.labels.join(', ')})` : ''}`;
  const s = r.stats;
  return `${r.id}  ${r.name}  [${r.mode === 'live' ? 'live' : 'dry run'}${r.enabled ? '' : ', disabled'}]  ${r.trigger}: ${when} -> ${r.level}${r.allowSuspend ? ' (may suspend)' : ''}` +
    `  hits ${s.hits}, holds ${s.holds}, would hold ${s.wouldHold}, confirmed ${s.confirmations}, undone ${s.reversals}, pending ${s.pending}${s.overdue ? ` (${s.overdue} overdue)` : ''}`;
}
