/**
 * Issue 12 point 5: the report page's two actions that reach beyond the report. GoToSocial's media cleanup prunes
 * every remote account's cached files on the whole server, so it starts at a safe age, says its reach next to the
 * field, and asks for the instance's name before 0 days; Misskey's forward sends the report to another server, so it
 * asks first, naming that server. No DOM here: useState is replaced by a queue of values, the components are called
 * as functions, and the handlers found in the element tree are invoked (Playwright, e2e/04, clicks the real ones).
 */
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gotosocialCapabilities } from '@/lib/connectors/gotosocial/capabilities';
import { misskeyCapabilities } from '@/lib/connectors/misskey/capabilities';
import type { ReportActionsData } from '@/components/actions/use-report-actions';

const hooks = vi.hoisted(() => ({ values: [] as unknown[] }));
vi.mock('react', async (original) => {
  const react = await original<typeof import('react')>();
  // Each useState call takes the next queued value, else its initial one; setters are no-ops (the test re-renders).
  const useState = (init: unknown) => [hooks.values.length ? hooks.values.shift() : typeof init === 'function' ? (init as () => unknown)() : init, () => undefined];
  return { ...react, default: { ...react, useState }, useState };
});
const { MediaPurge } = await import('@/components/actions/media-purge');
const { ReportActions, forwardConfirmText } = await import('@/components/actions/report-actions');
const { MEDIA_PURGE_DEFAULT_DAYS, parsePurgeDays, purgeReachText, typedConfirmationOk } = await import('@/components/actions/media-purge-rules');

function data(kind: 'gotosocial' | 'misskey', domain: string | null = 'remote.example'): ReportActionsData {
  return {
    report: { id: 'r1', status: 'open', category: 'other' },
    instance: { kind, name: 'Blue Heron' },
    target: { acct: `spammer@${domain}`, domain, suspended: false, silenced: false, sensitized: false, disabled: false },
    capabilities: kind === 'gotosocial' ? gotosocialCapabilities : misskeyCapabilities,
    canAct: true, canDeleteAccounts: false, actions: [],
  };
}

/** Every element in a tree returned by calling a component (children of unrendered components included). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}
const text = (node: ReactNode): string => (typeof node === 'string' || typeof node === 'number' ? String(node) : Array.isArray(node) ? node.map(text).join('') : isValidElement<{ children?: ReactNode }>(node) ? text(node.props.children) : '');

let confirm: ReturnType<typeof vi.fn>;
beforeEach(() => {
  hooks.values = [];
  confirm = vi.fn(() => true);
  vi.stubGlobal('window', { confirm });
});
afterEach(() => vi.unstubAllGlobals());

describe('GoToSocial media cleanup on the report page', () => {
  it('starts at a safe age, never at 0, and says it reaches every remote account on the instance', () => {
    expect(MEDIA_PURGE_DEFAULT_DAYS).toBeGreaterThanOrEqual(7); // GoToSocial's own media-remote-cache-days default
    const html = renderToStaticMarkup(createElement(MediaPurge, { data: data('gotosocial'), busy: false, onSubmit: () => {} }));
    expect(html).toMatch(new RegExp(`name="media-purge-days"[^>]*value="${MEDIA_PURGE_DEFAULT_DAYS}"|value="${MEDIA_PURGE_DEFAULT_DAYS}"[^>]*name="media-purge-days"`));
    expect(html).toContain(`Removes cached files of EVERY remote account on Blue Heron older than ${MEDIA_PURGE_DEFAULT_DAYS} days, not only this report&#x27;s.`);
    expect(html).toContain('Keep remote media newer than (days)'); // the label e2e/04 fills
    expect(html).not.toContain('media-purge-confirm');
  });

  it('sends the chosen age after the confirm dialog', () => {
    const onSubmit = vi.fn();
    hooks.values = ['30', ''];
    const form = elements(MediaPurge({ data: data('gotosocial'), busy: false, onSubmit })).find((e) => e.type === 'form')!;
    (form.props.onSubmit as (e: { preventDefault(): void }) => void)({ preventDefault() {} });
    expect(confirm.mock.calls[0][0]).toMatch(/EVERY remote account older than 30 days on Blue Heron/);
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'media.purge', olderThanDays: 30 });
  });

  it('for 0 days, asks for the instance name and sends nothing until it is typed', () => {
    const onSubmit = vi.fn();
    hooks.values = ['0', ''];
    let tree = elements(MediaPurge({ data: data('gotosocial'), busy: false, onSubmit }));
    expect(tree.some((e) => e.props.name === 'media-purge-confirm')).toBe(true);
    expect(tree.find((e) => e.props.type === 'submit')!.props.disabled).toBe(true);
    expect(tree.some((e) => typeof e.props.hint === 'string' && /EVERY cached file of EVERY remote account on Blue Heron/.test(e.props.hint))).toBe(true);
    (tree.find((e) => e.type === 'form')!.props.onSubmit as (e: { preventDefault(): void }) => void)({ preventDefault() {} });
    expect(confirm).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();

    hooks.values = ['0', 'Blue Heron'];
    tree = elements(MediaPurge({ data: data('gotosocial'), busy: false, onSubmit }));
    expect(tree.find((e) => e.props.type === 'submit')!.props.disabled).toBe(false);
    (tree.find((e) => e.type === 'form')!.props.onSubmit as (e: { preventDefault(): void }) => void)({ preventDefault() {} });
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'media.purge', olderThanDays: 0 });
  });

  it('parses days strictly and matches the typed name', () => {
    expect([parsePurgeDays('30'), parsePurgeDays(' 7 '), parsePurgeDays('0')]).toEqual([30, 7, 0]);
    expect([parsePurgeDays(''), parsePurgeDays('-1'), parsePurgeDays('1.5'), parsePurgeDays('1e3'), parsePurgeDays('3651')]).toEqual([null, null, null, null, null]);
    expect(typedConfirmationOk(0, 'blue heron', 'Blue Heron')).toBe(false);
    expect(typedConfirmationOk(0, ' Blue Heron ', 'Blue Heron')).toBe(true);
    expect(typedConfirmationOk(30, '', 'Blue Heron')).toBe(true);
    expect(purgeReachText('X', 1)).toContain('older than 1 day,');
  });
});

describe('Misskey forward on the report page', () => {
  const forwardButton = (onSubmit: (a: Record<string, unknown>) => void) =>
    elements(ReportActions({ data: data('misskey'), busy: false, onSubmit })).find((e) => typeof e.props.onClick === 'function' && /^Forward to /.test(text(e.props.children as ReactNode)))!;

  it('keeps its label and asks, naming the remote server, before sending', () => {
    const onSubmit = vi.fn();
    const button = forwardButton(onSubmit);
    expect(text(button.props.children as ReactNode)).toBe('Forward to remote.example');
    confirm.mockReturnValueOnce(false);
    (button.props.onClick as () => void)();
    expect(confirm).toHaveBeenCalledWith('Send this report to remote.example as an ActivityPub Flag? The remote moderators will see the comment.');
    expect(onSubmit).not.toHaveBeenCalled();
    (button.props.onClick as () => void)();
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'report.forward' });
    expect(forwardConfirmText('a.example')).toContain('a.example');
  });
});
