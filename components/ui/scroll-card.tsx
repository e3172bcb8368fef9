import type { ReactNode } from 'react';
import { Card } from './card';

/**
 * A card whose content may scroll sideways (wide tables on a phone). Keyboard users must be able to scroll it too,
 * so it is a focusable, named region (axe: scrollable-region-focusable). It is `relative` so absolutely placed
 * descendants (screen-reader-only text) scroll with it instead of widening the page.
 */
export function ScrollCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card className="relative overflow-x-auto p-0 focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Card>
  );
}
