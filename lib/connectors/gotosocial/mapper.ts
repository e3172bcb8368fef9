/**
 * Pure mapping from parsed GoToSocial entities to the normalized types. GoToSocial's admin report has the
 * Mastodon shape, so Mastodon's mapper does the work; only GoToSocial's differences are smoothed here.
 */
import type { RemoteAccount, RemoteReport } from '../types';
import { mapAdminReport } from '../mastodon/mapper';
import type { GtsAdminReport } from './api-types';

/** GoToSocial sends "" (not null) as the email of remote accounts; the normalized type means "unknown" by null. */
export function tidyAccount(a: RemoteAccount): RemoteAccount {
  return { ...a, email: a.email || null, domain: a.domain || null };
}

export function mapGtsReport(r: GtsAdminReport): RemoteReport {
  const report = mapAdminReport(r);
  return {
    ...report,
    reporter: report.reporter && tidyAccount(report.reporter),
    target: tidyAccount(report.target),
    assignee: report.assignee && tidyAccount(report.assignee),
  };
}
