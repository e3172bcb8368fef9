export function Alert({ tone = 'info', children }: { tone?: 'info' | 'error' | 'ok'; children: React.ReactNode }) {
  const cls = tone === 'error' ? 'border-danger/40 bg-[#fbeeec] text-danger' : tone === 'ok' ? 'border-ok/40 bg-[#eaf5ec] text-ok' : 'border-accent/30 bg-[#edf3f9] text-ink';
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${cls}`}>
      {children}
    </div>
  );
}
