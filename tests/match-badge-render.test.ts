/** The queue's match badge names the outside service beside the label, and a local bank's hit stays as it was. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { describeMatch, MatchBadge } from '@/components/queue/match-badge';
import type { MatchView } from '@/lib/queue/match-view';

const local: MatchView = { bank: 'Known-bad (synthetic)', label: 'csam', severity: 5, distance: 4, variant: 'original', quality: 90, signalType: 'pdq' };

describe('match badge', () => {
  it('names the service for an outside hit, in the badge and in the words for screen readers', () => {
    const outside: MatchView = { ...local, bank: 'test-bank', service: 'HMA' };
    expect(describeMatch(outside)).toMatch(/^HMA · test-bank \(csam\), severity 5/);
    const html = renderToStaticMarkup(createElement(MatchBadge, { match: outside }));
    expect(html).toContain('HMA · csam · 4/256');
    expect(html).toContain('Hash match: HMA · test-bank (csam)');
  });

  it('leaves a local bank match as it was', () => {
    expect(describeMatch(local)).toMatch(/^Known-bad \(synthetic\) \(csam\), severity 5/);
    expect(renderToStaticMarkup(createElement(MatchBadge, { match: local }))).toContain('csam · 4/256');
  });
});
