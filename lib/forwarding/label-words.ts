/** A case's label in words for people outside the dashboard (origin moderators), not our internal codes. */
const WORDS: Record<string, string> = {
  csam: 'Suspected child sexual abuse material',
  ncii: 'Suspected non-consensual intimate imagery',
  terrorism: 'Suspected terrorist or violent extremist content',
  spam: 'Spam',
  other: 'Content that breaks our rules',
};

export function labelWords(label: string | null): string {
  return (label && WORDS[label]) || 'Content that breaks our rules';
}
