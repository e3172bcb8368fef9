/**
 * Builds the `<report>` document for POST /submit. NCMEC validates it against its XSD, where every sequence is
 * ordered: a misplaced element is a rejection. Element names and order come from the XSD-generated types in
 * Boostport/ncmec-go (cybertipline/types.go, structs Report, IncidentSummary, InternetDetails, WebPageIncident,
 * Reporter, Person, PersonOrUserReported); required parts (incidentSummary with incidentType and
 * incidentDateTime, reporter/reportingPerson) per the ISPWS documentation summarized in shared/instance-apis.md §9.
 * The same top-level order is used by wikimedia/takedown-tools (server/src/Serializer/NcmecReportNormalizer.php).
 * Pure: no I/O, so it is tested exhaustively and the filing job can show exactly what will be sent.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { NCMEC_INCIDENT_TYPES } from './incident-types';
import { el, group, xmlSafe, XML_DECLARATION } from './xml-text';

// Checked after dropping what XML cannot carry: a value made only of such characters would become an empty
// element, which the XSD's required elements do not accept.
const text = z.string().transform(xmlSafe).pipe(z.string().min(1));

export const ncmecReportInputSchema = z.object({
  incidentType: z.enum(NCMEC_INCIDENT_TYPES),
  /** When the item was first seen. */
  incidentDateTime: z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date'),
  /** The URL of every copy; the XSD allows any number of url elements in one webPageIncident. */
  urls: z.array(text).min(1),
  reporter: z.object({
    firstName: text,
    lastName: text,
    email: text,
    phone: text.optional(),
    /** Organization text NCMEC puts in every report of this reporter (XSD reporter/companyTemplate). */
    companyTemplate: text.optional(),
    termsOfService: text.optional(),
    legalUrl: text.optional(),
  }),
  reported: z
    .object({ espService: text.optional(), screenName: text.optional(), profileUrls: z.array(text).default([]) })
    .optional(),
  additionalInfo: text.optional(),
});

export type NcmecReportInput = z.input<typeof ncmecReportInputSchema>;

export function buildReportXml(input: NcmecReportInput): string {
  const parsed = ncmecReportInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('bad_request', `NCMEC report input invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`, {
      userMessage: 'The CyberTipline report is missing required details.',
    });
  }
  const r = parsed.data;
  // Report: incidentSummary, internetDetails, lawEnforcement, reporter, personOrUserReported, intendedRecipient,
  // victim, additionalInfo (the unused ones are left out; the rest keep this order).
  return XML_DECLARATION + group('report', [
    // IncidentSummary: incidentType, platform, escalateToHighPriority, reportAnnotations, incidentDateTime, ...
    group('incidentSummary', [el('incidentType', r.incidentType), el('incidentDateTime', r.incidentDateTime.toISOString())]),
    // WebPageIncident: url (0..n), additionalInfo.
    group('internetDetails', [group('webPageIncident', r.urls.map((u) => el('url', u)))]),
    reporterXml(r.reporter),
    reportedXml(r.reported),
    el('additionalInfo', r.additionalInfo),
  ]);
}

type Reporter = z.output<typeof ncmecReportInputSchema>['reporter'];

function reporterXml(p: Reporter): string {
  // Reporter: reportingPerson, contactPerson, companyTemplate, termsOfService, legalURL.
  // Person: firstName, lastName, phone, email, address, age, dateOfBirth.
  return group('reporter', [
    group('reportingPerson', [el('firstName', p.firstName), el('lastName', p.lastName), el('phone', p.phone), el('email', p.email)]),
    el('companyTemplate', p.companyTemplate),
    el('termsOfService', p.termsOfService),
    el('legalURL', p.legalUrl),
  ]);
}

function reportedXml(p: z.output<typeof ncmecReportInputSchema>['reported']): string {
  if (!p) return '';
  // PersonOrUserReported: personOrUserReportedPerson, vehicleDescription, espIdentifier, espService,
  // compromisedAccount, screenName, displayName, profileUrl, ... additionalInfo.
  return group('personOrUserReported', [el('espService', p.espService), el('screenName', p.screenName), ...p.profileUrls.map((u) => el('profileUrl', u))]);
}
