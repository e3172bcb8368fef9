/** The Users page's pseudonym cell: shown to admins with a labelled Change button, read-only where they may not edit. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));
const { PseudonymEdit } = await import('@/components/users/pseudonym-edit');

describe('PseudonymEdit', () => {
  it('shows the pseudonym, and a Change button named for the person only where the admin may edit', () => {
    const editable = renderToStaticMarkup(createElement(PseudonymEdit, { userId: 'u1', email: 'mod@example.test', pseudonym: 'quiet-heron', editable: true }));
    expect(editable).toContain('quiet-heron');
    expect(editable).toContain('aria-label="Change the pseudonym of mod@example.test"');
    const locked = renderToStaticMarkup(createElement(PseudonymEdit, { userId: 'u2', email: 'owner@example.test', pseudonym: 'calm-otter', editable: false }));
    expect(locked).toContain('calm-otter');
    expect(locked).not.toContain('Change');
  });
});
