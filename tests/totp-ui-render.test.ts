/**
 * The TOTP pieces rendered to HTML (react-dom/server, no browser): the sign-in page's second step (labelled code
 * field for one-time codes, the recovery toggle, the test ids the Playwright spec uses), the setup step (QR image
 * with alt text, the key as text), the recovery codes list, the policy checkbox's words, the SSO button placement.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }), useSearchParams: () => new URLSearchParams('enrol=required') }));

const { SecondFactorForm } = await import('@/app/(auth)/signin/second-factor-form');
const { SignInForm } = await import('@/app/(auth)/signin/page-client');
const { messageFor } = await import('@/app/(auth)/signin/sign-in-request');
const { TotpSetup } = await import('@/components/security/totp-setup');
const { TotpRecoveryCodes } = await import('@/components/security/totp-recovery-codes');
const { TotpSection } = await import('@/components/security/totp-section');
const { SignInPolicyCard } = await import('@/components/team-settings/sign-in-policy-card');

const noop = () => {};

describe('sign-in second step', () => {
  it('asks for the 6-digit code as a one-time code, with a way to a recovery code', () => {
    const html = renderToStaticMarkup(createElement(SecondFactorForm, { email: 'a@example.org', password: 'pw', callbackPath: '/queue', pending: false, onSubmit: noop, onError: noop, onBack: noop }));
    expect(html).toContain('Enter the 6-digit code from your authenticator app');
    const input = /<input[^>]*data-testid="signin-code"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('inputMode="numeric"');
    expect(input).toContain('autoComplete="one-time-code"');
    expect(html).toContain('data-testid="signin-code-submit"');
    expect(html).toContain('data-testid="signin-recovery-toggle"');
    expect(html).toContain('Use a recovery code instead');
    expect(html).not.toContain('value="pw"'); // the password is never put back into the page
  });

  it('says what a refused code means, and shows the SSO button only when it is on', () => {
    expect(messageFor('TwoFactorInvalid')).toBe('That code is not right, or it was already used. Codes change every 30 seconds.');
    expect(messageFor('RateLimited')).toContain('15 minutes');
    const off = renderToStaticMarkup(createElement(SignInForm, { callbackPath: '/queue', initialError: null, sso: { enabled: false, label: '' } }));
    expect(off).not.toContain('>or<');
    const on = renderToStaticMarkup(createElement(SignInForm, { callbackPath: '/queue', initialError: 'SsoRefused', sso: { enabled: true, label: 'Sign in with Keycloak' } }));
    expect(on).toContain('>or<');
    expect(on).toContain('Single sign-on could not sign you in');
  });
});

describe('security page pieces', () => {
  it('shows the QR code with alt text and the key as text, and a labelled confirm field', () => {
    const html = renderToStaticMarkup(createElement(TotpSetup, { setup: { otpauthUri: 'otpauth://totp/x', secret: 'JBSWY3DPEHPK3PXP', qrSvg: '<svg></svg>' }, onConfirmed: noop, onError: noop, onCancel: noop }));
    expect(/<img[^>]*data-testid="totp-qr"[^>]*>/.exec(html)?.[0]).toMatch(/alt="QR code for your authenticator app/);
    expect(html).toContain('data-testid="totp-secret" class="block break-all rounded-md border border-line bg-subtle px-2 py-1 font-mono">JBSWY3DPEHPK3PXP</code>');
    expect(html).toContain('>Code from the app</span>');
    expect(html).toContain('data-testid="totp-confirm-code"');
    expect(html).toContain('data-testid="totp-confirm-button"');
  });

  it('lists the recovery codes once with Download and "I saved them"', () => {
    const html = renderToStaticMarkup(createElement(TotpRecoveryCodes, { codes: ['aaaa-bbbb-cccc', 'dddd-eeee-ffff'], onDone: noop }));
    expect(html).toContain('data-testid="recovery-codes"');
    expect(html).toContain('<li>aaaa-bbbb-cccc</li>');
    expect(html).toContain('>Download</button>');
    expect(html).toContain('>I saved them</button>');
  });

  it('says the team requires a factor when sent here to enrol', () => {
    const html = renderToStaticMarkup(createElement(TotpSection));
    expect(html).toContain('Your team requires two-factor sign-in for owners and admins.');
    expect(html).toContain('data-testid="totp-status"');
  });

  it('words the policy checkbox and where admins without a factor are sent', () => {
    const html = renderToStaticMarkup(createElement(SignInPolicyCard, { initial: { require2faForAdmins: true } }));
    expect(html).toContain('Require two-factor sign-in for owners and admins.');
    expect(html).toContain('Security page');
    expect(/<input[^>]*data-testid="policy-require-2fa"[^>]*>/.exec(html)?.[0]).toContain('checked');
  });
});
