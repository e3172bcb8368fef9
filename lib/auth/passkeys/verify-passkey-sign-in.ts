/**
 * OWNER: passkey helper (issue 15). STUB: replace. Verifies a WebAuthn assertion (the JSON of
 * @simplewebauthn/browser's startAuthentication) against the user's passkeys and an unexpired 'authenticate'
 * challenge, consuming the challenge and updating the counter. False on anything wrong; never throws for bad input.
 */
export async function verifyPasskeySignIn(input: { userId: string; response: unknown }): Promise<boolean> {
  void input;
  return false;
}

/** Whether the user has at least one passkey (the sign-in page offers it, and it counts as a second factor). */
export async function hasPasskeys(userId: string): Promise<boolean> {
  void userId;
  return false;
}
