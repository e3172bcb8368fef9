import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeStatusHtml } from './sanitize-html';

describe('sanitizeStatusHtml', () => {
  it('drops scripts, handlers and javascript: links', () => {
    const out = sanitizeStatusHtml('<p>hi<script>window.__xss=1</script><img src=x onerror="window.__xss=1"><a href="javascript:alert(1)">x</a><a href="https://ok.example/a" onclick="x()">ok</a></p>');
    expect(out).not.toMatch(/script|onerror|onclick|javascript|<img/i);
    expect(out).toContain('href="https://ok.example/a"');
    expect(out).toContain('rel="nofollow noopener noreferrer"');
  });
  it('keeps mention markup', () => {
    expect(sanitizeStatusHtml('<p><span class="h-card"><a href="https://a.example/@b" class="u-url mention">@b</a></span></p>')).toContain('class="h-card"');
  });
  it('turns HTML into plain text', () => {
    expect(htmlToText('<p>a <b>b</b></p><script>c</script>')).toBe('a b');
  });
});
