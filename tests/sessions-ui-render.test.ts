/**
 * The sessions section and password form rendered to HTML: stable test ids for the Playwright spec, this session
 * marked (data-current and a badge), a named End button per row, the method and device in words, every input
 * labelled, and no hard-coded colours.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { SessionView } from '@/lib/auth/sessions/types';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }) }));
const { SessionsSection } = await import('@/components/security/sessions-section');
const { PasswordForm } = await import('@/components/security/password-form');

const at = '2026-01-01T00:00:00.000Z';
const row = (id: string, over: Partial<SessionView>): SessionView => ({ id, method: 'password', device: 'Firefox on Linux', ip: '203.0.113.5', createdAt: at, lastSeenAt: at, expiresAt: at, current: false, ...over });
const noHardColours = (html: string) => expect(html).not.toMatch(/bg-white|text-white|text-black|#[0-9a-f]{3,6}\b/i);

describe('SessionsSection', () => {
  it('lists sessions with this one marked and an End button each', () => {
    const html = renderToStaticMarkup(createElement(SessionsSection, {
      initial: [
        row('11111111-1111-4111-8111-111111111111', { current: true, method: 'password+totp' }),
        row('22222222-2222-4222-8222-222222222222', { device: 'Safari on iOS <b>', ip: null, method: 'sso' }),
      ],
    }));
    expect(html).toContain('data-testid="sessions-list"');
    expect(html.match(/data-testid="session-row"/g)).toHaveLength(2);
    expect(html).toContain('data-current="true"');
    expect(html).toContain('data-current="false"');
    expect(html.match(/data-testid="end-session-button"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="end-others-button"');
    expect(html).toContain('This session');
    expect(html).toContain('Password and authenticator code');
    expect(html).toContain('Single sign-on');
    expect(html).toContain('aria-label="End session on Safari on iOS &lt;b&gt;"');
    expect(html).not.toContain('<b>');
    expect(html).toContain('not seen yet');
    expect(html).toContain('Sign out everywhere');
    expect(html).toContain('aria-live="polite"');
    noHardColours(html);
  });

  it('says so when there are no sessions', () => {
    expect(renderToStaticMarkup(createElement(SessionsSection, { initial: [] }))).toContain('No live sessions.');
  });
});

describe('PasswordForm', () => {
  it('labels every input', () => {
    const html = renderToStaticMarkup(createElement(PasswordForm, { email: 'me@team.example' }));
    // Each password input sits inside its label (Field), so its accessible name is the label's text.
    expect(html.match(/<label[^>]*><span[^>]*>(Current password|New password|New password again)<\/span><input[^>]*type="password"/g)).toHaveLength(3);
    noHardColours(html);
  });
});
