import type { ApplicationDetailView } from '@/lib/blocklists/types';
import { Badge } from '@/components/ui/badge';
import { ScrollCard } from '@/components/ui/scroll-card';
import { describeBlock, OP_LABEL, OP_TONE } from './labels';

const STATE_TONE = { queued: 'info', done: 'ok', failed: 'danger' } as const;

/** Every change row of an application, by instance, with the server's error where one refused. */
export function ApplicationChanges({ changes }: { changes: ApplicationDetailView['changes'] }) {
  if (changes.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">No change in this application.</p>;
  const failed = changes.filter((c) => c.state === 'failed');
  const ordered = [...failed, ...changes.filter((c) => c.state !== 'failed')];
  return (
    <ScrollCard label="Changes">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Instance</th><th scope="col" className="px-3 py-2">Domain</th><th scope="col" className="px-3 py-2">Change</th>
            <th scope="col" className="px-3 py-2">Before → after</th><th scope="col" className="px-3 py-2">State</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((c) => (
            <tr key={c.id} className="border-b border-line align-top last:border-0" data-testid="blocklist-change-row" data-state={c.state}>
              <td className="px-3 py-1.5 break-words">{c.instanceName}</td>
              <td className="px-3 py-1.5 break-words font-medium">{c.domain}</td>
              <td className="px-3 py-1.5"><Badge tone={OP_TONE[c.op]}>{OP_LABEL[c.op]}</Badge></td>
              <td className="px-3 py-1.5 text-xs"><span className="whitespace-nowrap">{describeBlock(c.before)}</span> <span aria-label="becomes">→</span> <span className="whitespace-nowrap">{c.after ? describeBlock(c.after) : 'no block'}</span></td>
              <td className="px-3 py-1.5">
                <Badge tone={STATE_TONE[c.state]}>{c.state}</Badge>
                {c.error ? <div className="mt-0.5 max-w-[20rem] break-words text-xs text-danger">{c.error}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
