/** The credential names of platforms that authorise with an app id, its secret and a seller's refresh token (eBay, Amazon LWA). */
export const REFRESH_TOKEN_CREDENTIALS = ['CLIENT_ID', 'CLIENT_SECRET', 'REFRESH_TOKEN'] as const;

export interface RefreshTokenCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** From the environment's values (HELLOWORD_<NAME>_CLIENT_ID, …) to what a client takes. */
export function readRefreshTokenCredentials(values: Readonly<Record<string, string>>): RefreshTokenCredentials {
  return { clientId: values.CLIENT_ID ?? '', clientSecret: values.CLIENT_SECRET ?? '', refreshToken: values.REFRESH_TOKEN ?? '' };
}

/** The other way, for a sandbox handing its demo credentials to the ordinary connector. */
export function refreshTokenValues(c: RefreshTokenCredentials): Record<string, string> {
  return { CLIENT_ID: c.clientId, CLIENT_SECRET: c.clientSecret, REFRESH_TOKEN: c.refreshToken };
}
