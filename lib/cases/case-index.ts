/**
 * The in-memory index of open cases' signals (CaseSignal): a case's media acts as a temporary entry of the
 * matcher, reusing its PdqIndex (multi-index hashing) and ExactMap, keyed by signal id. Pure data structure:
 * case-index-sync.ts fills it and follows new signals. Hits name cases; the caller re-checks them in the database
 * (a case closed since it was indexed must not collect copies) and calls `dropCase` for the ones that are gone.
 */
import { isPdqHex } from '@/lib/hashing/hex';
import { ExactMap } from '@/lib/matching/exact-map';
import { PdqIndex } from '@/lib/matching/mih-index';
import { foundByRank } from './found-by';

export interface SignalRow { id: number; caseId: string; signalType: 'pdq' | 'md5' | 'sha256'; value: string }
export interface CaseHit { caseId: string; foundBy: 'sha256' | 'md5' | 'pdq'; distance: number | null; variant: string | null }

const EXACT = { md5: /^[0-9a-f]{32}$/, sha256: /^[0-9a-f]{64}$/ } as const;

export class CaseIndex {
  private pdq = new PdqIndex();
  private exact = { md5: new ExactMap(), sha256: new ExactMap() };
  private signals = new Map<number, { caseId: string; signalType: SignalRow['signalType']; value: string }>();
  private byCase = new Map<string, number[]>();

  get size(): number {
    return this.signals.size;
  }

  add(s: SignalRow): boolean {
    const value = s.value.toLowerCase();
    if (s.signalType === 'pdq' ? !isPdqHex(value) : !EXACT[s.signalType].test(value)) return false;
    if (this.signals.has(s.id)) return true;
    if (s.signalType === 'pdq') this.pdq.add(s.id, value);
    else this.exact[s.signalType].add(value, s.id);
    this.signals.set(s.id, { caseId: s.caseId, signalType: s.signalType, value });
    const list = this.byCase.get(s.caseId);
    if (list) list.push(s.id);
    else this.byCase.set(s.caseId, [s.id]);
    return true;
  }

  /** Forgets a case (closed, purged, deleted): its signals stop producing hits. */
  dropCase(caseId: string): void {
    for (const id of this.byCase.get(caseId) ?? []) {
      const s = this.signals.get(id);
      if (!s) continue;
      if (s.signalType === 'pdq') this.pdq.remove(id);
      else this.exact[s.signalType].remove(s.value, id);
      this.signals.delete(id);
    }
    this.byCase.delete(caseId);
  }

  /**
   * Cases whose signals a media's hashes hit: exact MD5/SHA-256, and PDQ within `threshold` under any of the given
   * variants (the caller applies the quality gate). One hit per case, the strongest way first, then the nearest.
   */
  query(q: { sha256?: string | null; md5?: string | null; pdqVariants?: { name: string; hash: string }[]; threshold: number }): CaseHit[] {
    const best = new Map<string, CaseHit>();
    const offer = (h: CaseHit) => {
      const prev = best.get(h.caseId);
      if (!prev || foundByRank(h.foundBy) < foundByRank(prev.foundBy) || (h.foundBy === prev.foundBy && (h.distance ?? 0) < (prev.distance ?? 0))) best.set(h.caseId, h);
    };
    for (const type of ['sha256', 'md5'] as const) {
      const v = q[type];
      if (!v) continue;
      for (const id of this.exact[type].get(v.toLowerCase())) {
        const s = this.signals.get(id);
        if (s) offer({ caseId: s.caseId, foundBy: type, distance: null, variant: null });
      }
    }
    if (q.pdqVariants && q.pdqVariants.length > 0) {
      for (const m of this.pdq.queryDihedral(q.pdqVariants, q.threshold)) {
        const s = this.signals.get(m.id);
        if (s) offer({ caseId: s.caseId, foundBy: 'pdq', distance: m.distance, variant: m.variant });
      }
    }
    return [...best.values()];
  }
}
