/**
 * Filing view models and settings shapes (JSON-safe). Type-only module: client components import it.
 * A filing is one CyberTipline report for a case (prisma model Filing); its state is the last step known done.
 */

export type FilingStateName = 'pending' | 'submitted' | 'files_uploaded' | 'file_info_sent' | 'finished' | 'retracted';
/** rejected: CyberTipline answered a nonzero code; failed: gave up (transient errors, hash mismatch);
 *  uncertain: a submit or upload may have landed with no answer. A filing with a problem waits for a person. */
export type FilingProblem = 'rejected' | 'failed' | 'uncertain';
export type NcmecEnvironment = 'test' | 'production' | 'custom';

/** What the admin settings page shows: never the username or password themselves. */
export interface NcmecSettingsView {
  configured: boolean;
  environment: NcmecEnvironment;
  baseUrl: string;
  allowPrivate: boolean;
  /** True when a username and password are stored (sealed). */
  hasCredentials: boolean;
  credentialsUpdatedAt: string | null;
  reporter: { firstName: string; lastName: string; email: string; phone: string };
  organization: { name: string; companyTemplate: string; termsOfService: string; legalUrl: string };
}

/** PUT /api/settings/ncmec and `ncmec configure`. Empty username/password keep the stored credentials
 *  (but a changed baseUrl needs them again: they are sealed with the URL as AAD). */
export interface NcmecSettingsInput {
  environment: NcmecEnvironment;
  /** Required for 'custom'; ignored (the fixed URL is used) for test/production. */
  baseUrl?: string;
  allowPrivate?: boolean;
  username?: string;
  password?: string;
  reporter?: Partial<NcmecSettingsView['reporter']>;
  organization?: Partial<NcmecSettingsView['organization']>;
}

export interface NcmecTestResult { ok: boolean; detail: string; checkedAt: string }

export interface FilingFileView {
  id: string;
  fileName: string;
  mime: string | null;
  bytes: number;
  sha256: string;
  md5: string;
  locationUrl: string | null;
  fileId: string | null;
  uploadedAt: string | null;
  fileInfoAt: string | null;
  /** The upload may have reached CyberTipline with no answer. */
  uncertain: boolean;
}

export interface FilingView {
  id: string;
  to: 'ncmec';
  state: FilingStateName;
  problem: FilingProblem | null;
  /** CyberTipline's own description for a rejection, or our words. Never credentials. */
  lastError: string | null;
  environment: NcmecEnvironment;
  baseUrl: string;
  reportId: string | null;
  incidentType: string;
  reportSha256: string;
  requestedBy: string;
  createdAt: string;
  /** Step times (ISO or null). */
  steps: { submittedAt: string | null; filesUploadedAt: string | null; fileInfoAt: string | null; finishedAt: string | null; retractedAt: string | null };
  nextAttemptAt: string | null;
  files: FilingFileView[];
  can: {
    /** Retry after a problem (rejected at submit: through a new preview and confirmation instead). */
    retry: boolean;
    /** Retract: reportId known, not finished, not retracted. */
    retract: boolean;
  };
}

/** What will be sent, exactly: shown in the confirmation; the filing verb refuses if reportSha256 changed since. */
export interface FilingPreview {
  to: 'ncmec';
  environment: NcmecEnvironment;
  baseUrl: string;
  evidenceId: string;
  /** True when preparing this preview sealed the case's evidence (a new seal version). */
  sealedNow: boolean;
  reportXml: string;
  reportSha256: string;
  summary: {
    incidentType: string;
    incidentDateTime: string;
    urls: string[];
    reporter: { name: string; email: string };
    reported: { espService: string | null; screenName: string | null; profileUrls: string[] };
    additionalInfo: string;
  };
  files: { n: number; fileName: string; mime: string | null; bytes: number; sha256: string; md5: string; locationUrl: string | null }[];
}

/** GET /api/cases/[id]/filings: everything the case page's reporting panel needs. */
export interface CaseFilingPanel {
  /** Settings say where and as whom to file (hasCredentials and a reporter email). */
  configured: boolean;
  environment: NcmecEnvironment | null;
  /** Newest first (a retracted filing stays listed). */
  filings: FilingView[];
  can: { file: boolean };
}

/** `cases show CASE --json` adds `filings` (fixed by the issue: scripts read it). */
export interface FilingJson { to: 'ncmec'; reportId: string | null; state: FilingStateName; problem: FilingProblem | null }
