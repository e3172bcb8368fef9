/**
 * EXPLAIN (ANALYZE, FORMAT JSON) of a captured query: the server-side execution time, and which indexes the
 * plan used (a sequential scan of Report is what the bench exists to catch).
 */
import type pg from 'pg';
import type { CapturedQuery } from './query-capture';

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

export async function explainAnalyze(client: pg.Client, q: CapturedQuery): Promise<{ executionMs: number; indexes: string[]; seqScans: string[] }> {
  const res = await client.query(`explain (analyze, format json) ${q.sql}`, q.params);
  const root = (res.rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0];
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const walk = (n: PlanNode) => {
    if (n['Index Name']) indexes.add(n['Index Name']);
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) seqScans.add(n['Relation Name']);
    n.Plans?.forEach(walk);
  };
  walk(root.Plan);
  return { executionMs: root['Execution Time'], indexes: [...indexes], seqScans: [...seqScans] };
}
