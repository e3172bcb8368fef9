/** The demo's one line about the known-bad scenario, built from what the scenario actually started. */
import type { ScenarioFake } from '../../e2e/fakes/federation/start-scenario';

export function knownBadSummary(fakes: Pick<ScenarioFake, 'name' | 'kind' | 'url' | 'knownBad'>[]): string {
  const label = (f: Pick<ScenarioFake, 'name' | 'kind' | 'url' | 'knownBad'>) =>
    `${f.name} (${f.kind}, ${f.url})${f.knownBad?.variant === 'reencoded-rotated' ? ' as a rotated re-encode' : ''}`;
  const holding = fakes.filter((f) => f.knownBad);
  const reported = holding.filter((f) => f.knownBad?.reported).map(label);
  const unreported = holding.filter((f) => !f.knownBad?.reported).map(label);
  return `Known-bad scenario: one synthetic test image is reported on ${reported.join(' and ') || 'no instance'}, and held unreported on `
    + `${unreported.join(', ') || 'no instance'}. Once they sync, a case opens by itself under Cases with its copies.`;
}
