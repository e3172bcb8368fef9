import { Select } from '@/components/ui/field';
import { SEVERITY_WORDS } from '@/lib/banks/bank-fields';

export function SeveritySelect({ name = 'severity', defaultValue = 3 }: { name?: string; defaultValue?: number }) {
  return (
    <Select name={name} defaultValue={String(defaultValue)}>
      {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n} · {SEVERITY_WORDS[n]}</option>)}
    </Select>
  );
}

export function LabelOptions() {
  return (
    <>
      <option value="csam">CSAM</option>
      <option value="ncii">NCII (non-consensual intimate imagery)</option>
      <option value="terrorism">Terrorism / violent extremism</option>
      <option value="spam">Spam</option>
      <option value="other">Other</option>
    </>
  );
}
