/** CONTRACT STUB (issue 14): the `matchers` CLI group; its helper implements the verbs (see lib/cli/commands.ts USAGE). */
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';

export async function runMatchersCommand(verb: string, args: ParsedArgs, out: (line: string) => void, actor: Actor): Promise<number> {
  void verb; void args; void actor;
  out('not built yet');
  return 2;
}
