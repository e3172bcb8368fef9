type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info';

const tones: Record<Tone, string> = {
  neutral: 'bg-[#eceeef] text-ink',
  ok: 'bg-[#e3f1e6] text-ok',
  warn: 'bg-[#fbf0d9] text-warn',
  danger: 'bg-[#f8e1de] text-danger',
  info: 'bg-[#e2ebf4] text-accent',
};

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}
