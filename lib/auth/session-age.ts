/** How long a session lives (the JWT's and the AuthSession row's expiry). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
