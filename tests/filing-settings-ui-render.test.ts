/**
 * The CyberTipline settings card and the team page's filing toggle rendered to HTML (react-dom/server, no
 * browser): every field labelled as the contract says, the password write-only (empty, type=password, the
 * "leave empty to keep" placeholder once stored), the stored-credentials line, the owner-only private-address box.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FilingAccessToggle } from '@/components/filing/filing-access-toggle';
import { NcmecSettingsCard } from '@/components/filing/ncmec-settings-card';
import type { NcmecSettingsView } from '@/lib/filing/types';
import type { UserView } from '@/lib/users/user-view';

const view = (over: Partial<NcmecSettingsView> = {}): NcmecSettingsView => ({
  configured: true, environment: 'test', baseUrl: 'https://exttest.cybertip.org/ispws', allowPrivate: false, hasCredentials: true,
  credentialsUpdatedAt: '2026-12-01T10:05:00.000Z',
  reporter: { firstName: 'Rae', lastName: 'Porter', email: 'reports@example.test', phone: '' },
  organization: { name: 'Example Collective', companyTemplate: '', termsOfService: '', legalUrl: '' }, ...over,
});
const card = (v: NcmecSettingsView, canAllowPrivate = false) => renderToStaticMarkup(createElement(NcmecSettingsCard, { initial: v, canAllowPrivate }));

describe('NcmecSettingsCard', () => {
  it('labels every field, keeps the password empty and write-only, and says when credentials were stored', () => {
    const html = card(view());
    expect(html).toContain('data-testid="ncmec-settings"');
    expect(html).toContain('CyberTipline (NCMEC)');
    for (const label of ['Environment', 'Username', 'Password', 'Reporter first name', 'Reporter last name', 'Reporter email', 'Reporter phone',
      'Organization name', 'Company template (optional)', 'Terms of service (optional)', 'Legal URL (optional)']) {
      expect(html, label).toContain(`>${label}</span>`);
    }
    for (const option of ['Test (exttest)', 'Production', 'Custom URL']) expect(html).toContain(`>${option}</option>`);
    const password = /<input[^>]*name="ncmecPassword"[^>]*>/.exec(html)?.[0] ?? '';
    expect(password).toContain('type="password"');
    expect(password).toContain('value=""');
    expect(password).toContain('placeholder="stored: leave empty to keep"');
    expect(/<input[^>]*name="ncmecUsername"[^>]*>/.exec(html)?.[0]).toContain('value=""');
    expect(html).toContain('Credentials stored (updated 2026-12-01 10:05 UTC)');
    expect(html).toContain('data-testid="ncmec-save"');
    expect(html).toContain('Save CyberTipline settings');
    expect(html).toContain('data-testid="ncmec-test"');
    expect(html).toMatch(/role="status" data-testid="ncmec-test-result"/);
    expect(html).toContain('value="Rae"');
    // Not custom: no URL field and no private-address box.
    expect(html).not.toContain('Custom base URL');
    expect(html).not.toContain('allow private address');
  });

  it('custom URL: the URL field for admins, the private-address box only for owners; nothing stored yet', () => {
    const custom = view({ environment: 'custom', baseUrl: 'http://127.0.0.1:4109/ispws', allowPrivate: true, hasCredentials: false, credentialsUpdatedAt: null, configured: false });
    const forAdmin = card(custom, false);
    expect(forAdmin).toContain('Custom base URL');
    expect(forAdmin).toContain('value="http://127.0.0.1:4109/ispws"');
    expect(forAdmin).not.toContain('Local test server (allow private address)');
    expect(forAdmin).toContain('No credentials stored');
    expect(forAdmin).not.toContain('leave empty to keep');
    expect(forAdmin).toMatch(/<button[^>]*disabled=""[^>]*data-testid="ncmec-test"/);
    const forOwner = card(custom, true);
    expect(forOwner).toContain('Local test server (allow private address)');
    expect(forOwner).toMatch(/<input type="checkbox" name="allowPrivate" checked=""/);
  });
});

describe('FilingAccessToggle', () => {
  const user = (role: UserView['role']): UserView => ({
    id: 'u1', email: `${role}@example.test`, name: '', pseudonym: 'quiet-heron', role, disabled: false, lastSignInAt: null, createdAt: '2026-12-01T00:00:00.000Z',
    instanceIds: null, evidenceAccess: false, filingAccess: false, federationAccess: false,
  });
  it('owners and admins: by role; viewers: not for viewers', () => {
    expect(renderToStaticMarkup(createElement(FilingAccessToggle, { user: user('owner'), editable: true }))).toContain('Filing access: always (by role)');
    expect(renderToStaticMarkup(createElement(FilingAccessToggle, { user: user('admin'), editable: true }))).toContain('Filing access: always (by role)');
    expect(renderToStaticMarkup(createElement(FilingAccessToggle, { user: user('viewer'), editable: true }))).toContain('Filing access: not for viewers');
  });
});
