import { Badge } from '@/components/ui/badge';
import type { Permanence } from './permanence';

/**
 * Sits next to an action's button, never inside it, so the button's accessible name stays the action's name.
 * Permanent: a danger badge; undoable: a quiet "Can be undone"; otherwise nothing (no promise either way).
 */
export function PermanenceMark({ p }: { p: Permanence }) {
  if (p.permanent) {
    return (
      <span title={p.why} data-testid="permanent-mark">
        <Badge tone="danger">Permanent</Badge>
        <span className="sr-only"> {p.why}</span>
      </span>
    );
  }
  if (p.undoable) return <span className="text-xs text-muted" title={p.why} data-testid="undoable-mark">Can be undone</span>;
  return null;
}
