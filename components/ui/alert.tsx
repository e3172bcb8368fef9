export function Alert({ tone = 'info', children }: { tone?: 'info' | 'error' | 'ok'; children: React.ReactNode }) {
  const cls = tone === 'error' ? 'border-danger/40 bg-danger-soft text-danger' : tone === 'ok' ? 'border-ok/40 bg-ok-soft text-ok' : 'border-accent/30 bg-info-soft text-ink';
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${cls}`}>
      {children}
    </div>
  );
}
