/**
 * Blocklist merge and diff at a large team's scale: 5 synthetic lists of 20,000 domains each (overlapping, Mastodon
 * CSV text, seeded), parsed, merged at threshold 2, and diffed against 20 instances holding 5,000 blocks each (list-
 * and hand-made, across the kinds that take blocklists). Pure code only: no database, no network. Last line is JSON.
 * Usage: npm run bench:blocklists -- [--lists 5] [--size 20000] [--instances 20] [--blocks 5000]
 */
import { diffInstance } from '../lib/blocklists/diff-instance';
import { mergeBlocklists } from '../lib/blocklists/merge-blocklists';
import { parseBlocklist } from '../lib/blocklists/parse/parse-blocklist';
import { previewDigest } from '../lib/blocklists/preview-digest';
import { toMastodonCsv } from '../lib/blocklists/to-mastodon-csv';
import type { CurrentBlock, InstanceDiff, MergeSource, Severity } from '../lib/blocklists/types';
import type { BlocklistCapability, ServerKind } from '../lib/connectors/types';
import { intFlag } from './bench-support';

/** xorshift32, seeded so runs compare. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

// The contract's capability table, fixed here so the bench measures merge and diff, not the connectors.
const FULL: Omit<BlocklistCapability, 'note'> = { severities: ['suspend'], flags: [], canUpdate: false, publicComment: false, obfuscate: false };
const KINDS: { kind: ServerKind; cap: BlocklistCapability }[] = [
  { kind: 'mastodon', cap: { severities: ['suspend', 'silence', 'noop'], flags: ['rejectMedia', 'rejectReports'], canUpdate: true, publicComment: true, obfuscate: true, note: 'mastodon' } },
  { kind: 'gotosocial', cap: { ...FULL, publicComment: true, obfuscate: true, note: 'gotosocial' } },
  { kind: 'lemmy', cap: { ...FULL, note: 'lemmy' } },
  { kind: 'peertube', cap: { ...FULL, note: 'peertube' } },
  { kind: 'misskey', cap: { ...FULL, severities: ['suspend', 'silence'], canUpdate: true, note: 'misskey' } },
];

const s3 = (ms: number) => Math.round(ms) / 1000;
/** CPU milliseconds of this process: on a shared machine wall time also counts other processes' turns. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const domainOf = (id: number) => `d${id}.example-bench.test`;

function pickSeverity(r: number): Severity {
  return r < 0.7 ? 'suspend' : r < 0.9 ? 'silence' : 'noop';
}

function main(): void {
  const lists = intFlag('lists', 5);
  const size = intFlag('size', 20_000);
  const instances = intFlag('instances', 20);
  const perInstance = intFlag('blocks', 5_000);
  const next = rng(1313);
  const pool = size * 2;

  // Each list takes `size` distinct domains from a pool twice as large: any domain is on about half the lists.
  const texts: string[] = [];
  for (let l = 0; l < lists; l++) {
    const ids = new Set<number>();
    while (ids.size < size) ids.add(Math.floor(next() * pool));
    const rows = ['#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate'];
    for (const id of ids) {
      const wildcard = next() < 0.05 ? '*.' : '';
      const comment = next() < 0.3 ? `"bench reason ${id % 17}, list ${l}"` : '';
      rows.push(`${wildcard}${domainOf(id)},${pickSeverity(next())},${next() < 0.3},${next() < 0.2},${comment},${next() < 0.02}`);
    }
    texts.push(rows.join('\n'));
  }

  let t = performance.now();
  const sources: MergeSource[] = texts.map((text, l) => {
    const parsed = parseBlocklist(text, 'auto');
    if (parsed.bad.length > 0) throw new Error(`bench list ${l} had bad lines: ${parsed.bad[0].error}`);
    return { id: `source-${l}`, name: `List ${l}`, trusted: false, entries: parsed.entries };
  });
  const parseMs = performance.now() - t;

  // Current blocks: drawn from a wider pool (some domains no list has), 60% list-made, 40% by hand.
  const current: CurrentBlock[][] = [];
  for (let i = 0; i < instances; i++) {
    const ids = new Set<number>();
    while (ids.size < perInstance) ids.add(Math.floor(next() * pool * 1.25));
    current.push([...ids].map((id) => {
      const list = next() < 0.6;
      return {
        domain: domainOf(id), severity: pickSeverity(next()), rejectMedia: next() < 0.3, rejectReports: next() < 0.2,
        publicComment: null, obfuscate: false, origin: list ? 'list' : 'hand', sourceIds: list ? [`source-${Math.floor(next() * lists)}`] : [],
      };
    }));
  }

  const cpu0 = cpuMs();
  t = performance.now();
  const merged = mergeBlocklists({ sources, policy: { threshold: 2, severity: 'max', autoRetract: false }, allow: ['d7.example-bench.test'], own: ['social.example-bench.test'] });
  const mergeMs = performance.now() - t;

  t = performance.now();
  const diffs: InstanceDiff[] = [];
  for (let i = 0; i < instances; i++) {
    const { kind, cap } = KINDS[i % KINDS.length];
    diffs.push(diffInstance({ instance: { id: `instance-${i}`, name: `instance ${i}`, kind }, capability: cap, unsupportedNote: '', current: current[i], desired: merged.blocks }));
  }
  const diffMs = performance.now() - t;
  const mergeDiffCpuMs = cpuMs() - cpu0;

  t = performance.now();
  const digest = previewDigest(diffs);
  const digestMs = performance.now() - t;

  t = performance.now();
  const csv = toMastodonCsv(merged.blocks.values());
  const csvMs = performance.now() - t;

  const lines = diffs.reduce((n, d) => n + d.lines.length, 0);
  const sendable = diffs.reduce((n, d) => n + d.counts.add + d.counts.raise + d.counts.lower + d.counts.update + d.counts.remove, 0);
  console.log(`lists: ${lists} x ${size.toLocaleString('en-US')} domains; instances: ${instances} x ${perInstance.toLocaleString('en-US')} blocks`);
  console.log(`parse:  ${s3(parseMs)} s (${sources.reduce((n, s) => n + s.entries.length, 0).toLocaleString('en-US')} entries)`);
  console.log(`merge:  ${s3(mergeMs)} s (${merged.blocks.size.toLocaleString('en-US')} blocked, ${merged.excluded.length.toLocaleString('en-US')} excluded)`);
  console.log(`diff:   ${s3(diffMs)} s (${lines.toLocaleString('en-US')} lines, ${sendable.toLocaleString('en-US')} sendable)`);
  console.log(`merge + diff CPU: ${s3(mergeDiffCpuMs)} s (wall: ${s3(mergeMs + diffMs)} s)`);
  console.log(`digest: ${s3(digestMs)} s (${digest.slice(0, 12)}…)`);
  console.log(`csv:    ${s3(csvMs)} s (${(csv.length / 1e6).toFixed(1)} MB)`);
  console.log(JSON.stringify({
    merge_diff_s: s3(mergeMs + diffMs), merge_diff_cpu_s: s3(mergeDiffCpuMs), parse_s: s3(parseMs), merge_s: s3(mergeMs), diff_s: s3(diffMs), digest_s: s3(digestMs), csv_s: s3(csvMs),
    lists, list_size: size, instances, blocks_per_instance: perInstance, merged: merged.blocks.size, lines, sendable,
  }));
}

main();
