/** Error codes the sign-in page maps to messages (next-auth passes a thrown message through as `error`). */
export const SIGN_IN_ERRORS = {
  rateLimited: 'RateLimited',
  disabled: 'AccountDisabled',
  invalid: 'CredentialsSignin',
  /** The password was right and the account has a second factor: ask for it (the page keeps email and password). */
  twoFactorRequired: 'TwoFactorRequired',
  /** The second factor was wrong, replayed or expired. */
  twoFactorInvalid: 'TwoFactorInvalid',
  /** Single sign-on refused: no group of the user maps to a role, or the account is disabled. */
  ssoRefused: 'SsoRefused',
} as const;
