/** Pure: the panel's form state → the action the apply route takes. */
import type { ApplyAction } from '@/lib/actors/apply-input';

export type Choice = 'suspend' | 'silence' | 'block';

export interface ApplyForm {
  choice: Choice;
  severity: 'silence' | 'suspend';
  rejectMedia: boolean;
  text: string;
}

export function toApplyAction(f: ApplyForm): ApplyAction {
  if (f.choice === 'block') {
    return { kind: 'domain.block', severity: f.severity, rejectMedia: f.rejectMedia, rejectReports: false, privateComment: f.text.trim() || undefined };
  }
  return { kind: 'account.action', type: f.choice, text: f.text.trim() || undefined };
}

export function choiceWords(f: ApplyForm, subject: string, domain: string): string {
  if (f.choice === 'block') return `${f.severity === 'suspend' ? 'Block' : 'Limit'} the domain ${domain}`;
  return `${f.choice === 'suspend' ? 'Suspend' : 'Limit'} ${subject}`;
}
