/**
 * `watch …` for the operator CLI (lib/cli/commands.ts delegates here): the same verbs as the watch page, as the
 * CLI's system actor. `scan` runs the scans in this process, so a script sees the hits they made.
 */
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { deleteTerm } from './delete-term';
import { listWatchTerms } from './list-terms';
import { runWatchScan, watchableInstances } from './run-watch-scan';
import { saveTerm } from './save-term';
import type { WatchKind } from './types';

type Out = (line: string) => void;
const KINDS: WatchKind[] = ['hashtag', 'keyword', 'domain'];

export async function runWatchCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor): Promise<number> {
  const f = args.flags;
  const ctx = { actor };
  switch (verb) {
    case 'list': {
      const { terms, instances } = await listWatchTerms({ ctx });
      if (f.json) {
        out(JSON.stringify({ terms, instances }));
        return 0;
      }
      if (terms.length === 0) out('No watch terms.');
      for (const t of terms) {
        out(`${t.id}  ${t.kind.padEnd(7)} ${t.value}  ${t.enabled ? 'on ' : 'off'}  hits:${t.hits} (24h:${t.recentHits})${t.instanceIds.length ? `  instances:${t.instanceIds.join(',')}` : ''}`);
      }
      for (const i of instances) out(`instance ${i.name} (${i.kind}): ${i.note}${i.lastError ? `  last error: ${i.lastError}` : ''}`);
      return 0;
    }
    case 'add': {
      const given = KINDS.filter((k) => typeof f[k] === 'string');
      if (given.length !== 1) {
        out('use: watch add --hashtag TAG | --keyword WORD | --domain HOST [--note TEXT] [--instance ID[,ID]]');
        return 2;
      }
      const kind = given[0];
      const instanceIds = typeof f.instance === 'string' ? f.instance.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
      const term = await saveTerm({ ctx, input: { kind, value: f[kind] as string, note: typeof f.note === 'string' ? f.note : undefined, instanceIds } });
      out(f.json ? JSON.stringify(term) : `Watching ${term.kind} ${term.value} (${term.id}).`);
      return 0;
    }
    case 'remove': {
      const id = args.positional[2] ?? (typeof f.id === 'string' ? f.id : '');
      if (!id) {
        out('use: watch remove ID');
        return 2;
      }
      await deleteTerm({ ctx, input: { id } });
      out(`Removed watch term ${id}.`);
      return 0;
    }
    case 'scan': {
      const ids = typeof f.instance === 'string' ? [f.instance] : await watchableInstances();
      const results = [];
      for (const instanceId of ids) {
        const s = await runWatchScan(instanceId);
        results.push({ instanceId, ...s });
        if (!f.json) {
          out(`${instanceId}: ${s.posts} posts read, ${s.hits} hits, ${s.created.length} new queue items${s.skipped ? `, ${s.skipped} skipped` : ''}`);
          for (const e of s.errors) out(`  error: ${e}`);
        }
      }
      if (f.json) out(JSON.stringify(results));
      else if (ids.length === 0) out('Nothing to scan: no enabled watch term applies to an instance that can watch.');
      return 0;
    }
    default:
      out('use: watch list | add | remove | scan');
      return 2;
  }
}
