'use client';
/** Recovery codes, shown once right after they were made: a list to copy, a text file to keep, then gone. */
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

function download(codes: string[]) {
  const text = `Fedimod recovery codes\nEach code signs you in once, instead of the authenticator app.\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'fedimod-recovery-codes.txt';
  a.click();
  URL.revokeObjectURL(url);
}

export function TotpRecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3">
      <Alert tone="ok">
        Save these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.
      </Alert>
      <ul data-testid="recovery-codes" aria-label="Recovery codes" className="grid grid-cols-1 gap-1 rounded-md border border-line bg-subtle p-3 font-mono text-sm sm:grid-cols-2">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => download(codes)}>Download</Button>
        <Button type="button" variant="primary" onClick={onDone}>I saved them</Button>
      </div>
    </div>
  );
}
