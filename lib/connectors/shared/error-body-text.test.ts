/** The server's own error words, from each software's error body shape; hostile bodies give nothing or cleaned text. */
import { describe, expect, it } from 'vitest';
import { errorBodyText } from './error-body-text';

describe('errorBodyText', () => {
  it('reads Mastodon, Misskey, OAuth and PeerTube shapes', () => {
    expect(errorBodyText('{"error":"The access token is invalid"}')).toBe('The access token is invalid');
    expect(errorBodyText('{"error":"Validation failed: Domain is invalid","details":{}}')).toBe('Validation failed: Domain is invalid');
    expect(errorBodyText('{"error":{"message":"Credential required.","code":"CREDENTIAL_REQUIRED"}}')).toBe('Credential required.');
    expect(errorBodyText('{"error":"invalid_token","error_description":"The access token expired"}')).toBe('The access token expired');
    expect(errorBodyText('{"type":"about:blank","title":"Unauthorized","detail":"Token is invalid."}')).toBe('Token is invalid.');
  });

  it('gives nothing for HTML or odd JSON, and cleans, caps and redacts what it gives', () => {
    expect(errorBodyText('<html>502 Bad Gateway</html>')).toBe('');
    expect(errorBodyText('{"error":42}')).toBe('');
    expect(errorBodyText('["x"]')).toBe('');
    expect(errorBodyText(JSON.stringify({ error: `bad token s3cret-token\u0000${'x'.repeat(400)}` }), 's3cret-token')).toMatch(/^bad token \[redacted\] x+$/);
    expect(errorBodyText(JSON.stringify({ error: 'x'.repeat(400) })).length).toBe(300);
  });
});
