import type { WatchInstanceView } from '@/lib/watch/types';
import { ScrollCard } from '@/components/ui/scroll-card';
import { when } from './labels';

const COLUMNS: { key: 'recentPosts' | 'hashtagLookup' | 'keywordLookup' | 'webhook'; label: string }[] = [
  { key: 'recentPosts', label: 'Recent posts' },
  { key: 'hashtagLookup', label: 'Hashtag lookup' },
  { key: 'keywordLookup', label: 'Keyword search' },
  { key: 'webhook', label: 'Webhook' },
];

/** Per instance: what its server lets us watch, and how the last scan went. */
export function WatchCapabilities({ instances }: { instances: WatchInstanceView[] }) {
  if (instances.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">No instance is connected.</p>;
  return (
    <ScrollCard label="What each instance can watch">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Instance</th>
            {COLUMNS.map((c) => <th key={c.key} scope="col" className="px-2 py-2">{c.label}</th>)}
            <th scope="col" className="px-3 py-2">Last scan</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((i) => (
            <tr key={i.instanceId} data-testid="watch-instance-row" data-instance-kind={i.kind} className="border-b border-line align-top last:border-0">
              <td className="px-3 py-2">
                <div className="font-medium break-all">{i.name}</div>
                <div className="text-xs text-muted">{i.kind}</div>
                {i.note ? <div className="mt-1 max-w-[20rem] text-xs text-muted break-words">{i.note}</div> : null}
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key} className={`px-2 py-2 ${i[c.key] ? 'text-ok' : 'text-muted'}`} data-testid={`watch-cap-${c.key}`}>{i[c.key] ? 'Yes' : 'No'}</td>
              ))}
              <td className="px-3 py-2 text-xs">
                <div className="whitespace-nowrap">{when(i.lastScanAt)}</div>
                {i.lastError ? <div className="mt-1 max-w-[16rem] break-words text-danger">{i.lastError}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
