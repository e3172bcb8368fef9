import { MISSKEY_PERMISSIONS } from '@/lib/connectors/misskey/capabilities';

/** What token each server kind needs, so an admin creates it right the first time. */
export function TokenHelp({ kind }: { kind: string }) {
  switch (kind) {
    case 'gotosocial':
      return <>Create an application with the scopes <code>admin:read admin:write</code> (GoToSocial 0.19+) from an admin account, then authorize it to get a token.</>;
    case 'akkoma':
      return <>An OAuth token of an admin account with the scopes <code>admin:read admin:write</code> (or the granular admin:…:reports, statuses, accounts, media_proxy_caches scopes).</>;
    case 'misskey':
      return (
        <>
          Settings → API → Generate access token, from a moderator or admin account, with these permissions:{' '}
          {MISSKEY_PERMISSIONS.map((p, i) => <span key={p}>{i ? ', ' : ''}<code>{p}</code></span>)}.
        </>
      );
    case 'lemmy':
      return <>An admin account&apos;s JWT, or its login as JSON: <code>{'{"username_or_email":"…","password":"…","totp_2fa_token":"…"}'}</code> (the dashboard then logs in and renews the JWT itself; stored encrypted like any token).</>;
    case 'peertube':
      return <>An admin or moderator access token, or the account&apos;s login as JSON: <code>{'{"username":"…","password":"…"}'}</code> (the dashboard then signs in with OAuth and refreshes the token itself; stored encrypted).</>;
    case 'auto':
      return <>An admin token for the server. The software is detected from NodeInfo first; pick it below by hand if detection fails.</>;
    default:
      return <>Create it in Preferences → Development with the scopes admin:read and admin:write (or the granular admin:…:reports, accounts and domain_blocks scopes). The account&apos;s role also needs Manage Reports, Manage Users and Manage Federation.</>;
  }
}
