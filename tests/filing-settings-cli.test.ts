/**
 * The CLI's dispatch of the `ncmec` commands (lib/cli/commands.ts) and its help text; the commands' behaviour
 * (configure keeps what it is not given, nothing secret printed) is in filing-settings-verbs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { runCommand, USAGE } from '@/lib/cli/commands';

describe('ncmec CLI dispatch', () => {
  it('routes ncmec configure/status and lists them (and cases file) in the help', async () => {
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    const code = await runCommand(parseArgs(['ncmec', 'configure', '--environment', 'test', '--reporter-first-name', 'Ada', '--reporter-last-name', 'Lane', '--reporter-email', 'ada@example.test']), out);
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('CyberTipline: not configured'); // no credentials yet
    lines.length = 0;
    expect(await runCommand(parseArgs(['ncmec', 'status']), out)).toBe(1);
    expect(lines.join('\n')).toContain('Connection: FAILED: No username and password are saved yet');
    await expect(runCommand(parseArgs(['ncmec', 'configure', '--environment', 'moon']), out)).rejects.toThrow(/--environment test\|production/);
    expect(USAGE).toContain('ncmec configure');
    expect(USAGE).toContain('ncmec status');
    expect(USAGE).toContain('cases file CASE --to ncmec');
  });
});
