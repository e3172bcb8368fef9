'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { importSummarySchema, postForm } from './bank-api';
import { ImportSummary } from './import-summary';

/** Admins: upload a `hash[,label]` file (up to 50 MB; larger lists go through the CLI). */
export function ImportForm({ bankId, onImported }: { bankId: string; onImported: () => void }) {
  const upload = useMutation({
    mutationFn: (body: FormData) => postForm(`/api/banks/${bankId}/import`, body, importSummarySchema),
    onSuccess: onImported,
  });
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Import hashes</h2>
      <form
        aria-label="Import hashes"
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate(new FormData(e.currentTarget));
        }}
      >
        <Field label="File" hint="One hash per line, optionally followed by ,label. Blank lines, # comments and a hash,label header are skipped.">
          <Input type="file" name="file" accept=".csv,.txt,text/csv,text/plain" required />
        </Field>
        <Field label="Signal type" hint="Automatic: 32 hex characters are MD5, 64 are PDQ. Choose SHA-256 for a SHA-256 list.">
          <Select name="signal" defaultValue="">
            <option value="">Automatic</option>
            <option value="pdq">PDQ</option>
            <option value="md5">MD5</option>
            <option value="sha256">SHA-256</option>
          </Select>
        </Field>
        <Button type="submit" disabled={upload.isPending}>{upload.isPending ? 'Importing…' : 'Import'}</Button>
      </form>
      {upload.isError ? <Alert tone="error">{upload.error.message}</Alert> : null}
      {upload.data ? <ImportSummary summary={upload.data} /> : null}
    </Card>
  );
}
