import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ActorCase } from '@/lib/actors/types';

export function ActorCases({ cases }: { cases: ActorCase[] }) {
  if (cases.length === 0) return <p className="text-sm text-muted">No case involves it.</p>;
  return (
    <ul className="space-y-1.5 text-sm">
      {cases.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-2">
          <Link href={c.link} className="font-medium text-accent underline-offset-2 hover:underline">Case {c.number}</Link>
          <span className="min-w-0 break-words">{c.title}</span>
          <Badge tone={c.state === 'open' || c.state === 'purging' ? 'warn' : 'neutral'}>{c.state}</Badge>
          {c.severity > 0 ? <span className="text-xs text-muted">severity {c.severity}</span> : null}
        </li>
      ))}
    </ul>
  );
}
