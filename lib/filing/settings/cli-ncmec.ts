/**
 * `ncmec configure` and `ncmec status`. configure keeps every stored field it is not given (the reporter, the
 * credentials at the same address); it prints the settings view, which never holds the username or password.
 * A `--password` argument shows in the process list and shell history, so `--password-stdin` is offered too.
 */
import type { Actor } from '@/lib/audit/actor';
import type { ParsedArgs } from '@/lib/cli/args';
import { readStdinCapped } from '@/lib/cli/instance-token';
import type { NcmecSettingsInput, NcmecSettingsView } from '@/lib/filing/types';
import { getNcmecSettingsView, updateNcmecSettings } from './ncmec-settings';
import { testNcmecConnection } from './test-ncmec-connection';

type Out = (line: string) => void;
type Flags = ParsedArgs['flags'];

export async function runNcmecCommand(verb: string, args: ParsedArgs, out: Out, actor: Actor, warn: Out = (l) => console.error(l)): Promise<number> {
  if (verb === 'configure') {
    const view = await updateNcmecSettings({ ctx: { actor }, input: await configureInput(args.flags, warn) });
    for (const line of viewLines(view)) out(line);
    return 0;
  }
  if (verb === 'status') {
    for (const line of viewLines(await getNcmecSettingsView())) out(line);
    const result = await testNcmecConnection({ ctx: { actor } });
    out(`Connection: ${result.ok ? 'OK' : 'FAILED'}: ${result.detail}`);
    return result.ok ? 0 : 1;
  }
  throw new Error(`unknown command: ncmec ${verb}`);
}

const str = (f: Flags, name: string): string | undefined => (typeof f[name] === 'string' ? f[name] : undefined);

async function configureInput(f: Flags, warn: Out): Promise<NcmecSettingsInput> {
  const env = str(f, 'environment');
  if (env !== undefined && !['test', 'production', 'custom'].includes(env)) throw new Error('use: --environment test|production (or --url URL for a custom address)');
  const current = await getNcmecSettingsView();
  const environment = env === 'test' || env === 'production' ? env : str(f, 'url') || env === 'custom' ? 'custom' : current.environment;
  let password = str(f, 'password');
  if (f['password-stdin'] === true) password = (await readStdinCapped()).replace(/\r?\n$/, '');
  else if (password) warn('warning: --password puts the password in the process list and shell history; use --password-stdin instead');
  const reporter = only([['firstName', str(f, 'reporter-first-name')], ['lastName', str(f, 'reporter-last-name')], ['email', str(f, 'reporter-email')], ['phone', str(f, 'reporter-phone')]]);
  const organization = only([['name', str(f, 'org-name')], ['companyTemplate', str(f, 'company-template')], ['termsOfService', str(f, 'terms-of-service')], ['legalUrl', str(f, 'legal-url')]]);
  return {
    environment,
    baseUrl: str(f, 'url'),
    // Absent: the verb keeps an owner's exemption for the same address; the CLI runs as an owner.
    allowPrivate: f['allow-private'] === true ? true : undefined,
    username: str(f, 'username'),
    password,
    reporter,
    organization,
  };
}

/** Only the flags given, so the stored values of the others are kept. */
function only<K extends string>(entries: [K, string | undefined][]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const [k, v] of entries) if (v !== undefined) picked[k] = v;
  return picked;
}

export function viewLines(v: NcmecSettingsView): string[] {
  const who = [v.reporter.firstName, v.reporter.lastName].filter(Boolean).join(' ');
  return [
    `CyberTipline: ${v.configured ? 'configured' : 'not configured'}`,
    `Environment: ${v.environment} <${v.baseUrl}>${v.allowPrivate ? ' (private address allowed)' : ''}`,
    `Credentials: ${v.hasCredentials ? `stored (updated ${v.credentialsUpdatedAt ?? 'unknown'})` : 'none'}`,
    `Reporter: ${who || '(no name)'} <${v.reporter.email || 'no email'}>${v.reporter.phone ? ` ${v.reporter.phone}` : ''}`,
    `Organization: ${v.organization.name || '(none)'}`,
  ];
}
