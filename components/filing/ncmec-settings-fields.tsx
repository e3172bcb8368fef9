'use client';

/** The reporting person and organization a CyberTipline report names (part of the settings card). */
import { Field, Input, Textarea } from '@/components/ui/field';
import type { NcmecSettingsView } from '@/lib/filing/types';

export type ReporterForm = NcmecSettingsView['reporter'];
export type OrganizationForm = NcmecSettingsView['organization'];

export function ReporterFields({ value, onChange }: { value: ReporterForm; onChange: (v: ReporterForm) => void }) {
  const set = (k: keyof ReporterForm) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-semibold">Reporting person</legend>
      <Field label="Reporter first name"><Input name="reporterFirstName" autoComplete="off" maxLength={100} value={value.firstName} onChange={set('firstName')} /></Field>
      <Field label="Reporter last name"><Input name="reporterLastName" autoComplete="off" maxLength={100} value={value.lastName} onChange={set('lastName')} /></Field>
      <Field label="Reporter email"><Input type="email" name="reporterEmail" autoComplete="off" maxLength={254} value={value.email} onChange={set('email')} /></Field>
      <Field label="Reporter phone"><Input type="tel" name="reporterPhone" autoComplete="off" maxLength={40} value={value.phone} onChange={set('phone')} /></Field>
    </fieldset>
  );
}

export function OrganizationFields({ value, onChange }: { value: OrganizationForm; onChange: (v: OrganizationForm) => void }) {
  const set = (k: keyof OrganizationForm) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-semibold">Organization</legend>
      <Field label="Organization name"><Input name="orgName" maxLength={200} value={value.name} onChange={set('name')} /></Field>
      <Field label="Company template (optional)" hint="The template name NCMEC gave your account, if any.">
        <Input name="companyTemplate" maxLength={4000} value={value.companyTemplate} onChange={set('companyTemplate')} />
      </Field>
      <Field label="Terms of service (optional)" hint="The terms that apply to the reported content, sent with each report.">
        <Textarea name="termsOfService" rows={3} maxLength={4000} value={value.termsOfService} onChange={set('termsOfService')} />
      </Field>
      <Field label="Legal URL (optional)"><Input type="url" name="legalUrl" maxLength={500} value={value.legalUrl} onChange={set('legalUrl')} /></Field>
    </fieldset>
  );
}
