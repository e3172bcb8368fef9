/**
 * The two NCMEC-run CyberTipline Reporting API (ISPWS) bases. Source: report.cybertip.org/ispws/documentation as
 * summarized in shared/instance-apis.md §9, and the `Testing`/`Production` environments of Boostport/ncmec-go.
 * A custom base URL (a local fake) is allowed too; the caller decides, and the SSRF-safe fetch guards it.
 */
export const NCMEC_ENVIRONMENTS = {
  test: 'https://exttest.cybertip.org/ispws',
  production: 'https://report.cybertip.org/ispws',
} as const;

export type NcmecEnvironment = keyof typeof NCMEC_ENVIRONMENTS;

export function ncmecBaseUrl(env: NcmecEnvironment): string {
  return NCMEC_ENVIRONMENTS[env];
}
