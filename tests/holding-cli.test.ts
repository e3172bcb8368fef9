/** The `rules` CLI group: add, list, set and remove through the same verbs as the API, audited as the system. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { db } from '@/lib/db';
import { runRulesCommand } from '@/lib/holding/cli-rules';
import { systemActor } from './support/fixtures';

async function run(argv: string[]) {
  const lines: string[] = [];
  const [group, verb, ...rest] = argv;
  const code = await runRulesCommand(`${group} ${verb}`, parseArgs(rest), (l) => lines.push(l), systemActor);
  return { code, out: lines.join('\n') };
}

describe('rules CLI', () => {
  it('adds a dry-run rule by default, changes it, lists it with stats and removes it', async () => {
    const added = await run(['rules', 'add', '--name', 'cli rule', '--trigger', 'report_score', '--min-score', '4.5', '--level', 'hide', '--json']);
    expect(added.code).toBe(0);
    const rule = JSON.parse(added.out) as { id: string; mode: string; minScore: number; level: string };
    expect(rule).toMatchObject({ mode: 'dry_run', minScore: 4.5, level: 'hide' });
    expect((await run(['rules', 'set', rule.id, '--live', '--disable'])).code).toBe(0);
    expect(await db.holdRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ mode: 'live', enabled: false, minScore: 4.5 });
    const listed = await run(['rules', 'list']);
    expect(listed.out).toMatch(/cli rule {2}\[live, disabled\] {2}report_score: score >= 4.5 -> hide/);
    await expect(run(['rules', 'add', '--name', 'bad', '--trigger', 'nope'])).rejects.toThrow();
    expect((await run(['rules', 'remove', rule.id])).code).toBe(0);
    expect(await db.holdRule.count({ where: { id: rule.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: rule.id, action: { startsWith: 'hold_rule.' } } })).toBe(3);
  });
});
