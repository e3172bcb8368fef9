import type { VerifyCheck } from '@/lib/connectors/types';

/** The per-scope results of a token check, so an admin sees exactly which permission is missing. */
export function VerifyChecks({ checks }: { checks: VerifyCheck[] }) {
  return (
    <ul className="space-y-1 text-sm" aria-label="Connection checks" data-testid="verify-checks">
      {checks.map((c) => (
        <li key={c.name} className="flex gap-2">
          <span aria-hidden className={c.ok ? 'text-ok' : c.optional ? 'text-muted' : 'text-danger'}>{c.ok ? '✓' : c.optional ? '–' : '✗'}</span>
          <span><span className="font-medium">{c.name}</span>: {c.detail}<span className="sr-only">{c.ok ? ' (works)' : c.optional ? ' (optional, not confirmed)' : ' (fails)'}</span></span>
        </li>
      ))}
    </ul>
  );
}
