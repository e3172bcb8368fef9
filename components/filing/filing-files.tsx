/**
 * The files of a filing or a preview: name, size and both hashes in full (the MD5 is what CyberTipline answers
 * back; a moderator comparing receipts needs every character). After filing, CyberTipline's file id and progress.
 */
import type { FilingFileView, FilingPreview } from '@/lib/filing/types';
import { ScrollCard } from '@/components/ui/scroll-card';
import { formatBytes } from './filing-text';

type Row = Pick<FilingFileView, 'fileName' | 'bytes' | 'sha256' | 'md5' | 'locationUrl'> & Partial<Pick<FilingFileView, 'fileId' | 'uploadedAt' | 'fileInfoAt' | 'uncertain'>>;

function progress(f: Row): string {
  if (f.uncertain) return '? Upload uncertain';
  if (f.fileInfoAt) return '✓ Details sent';
  if (f.uploadedAt) return '✓ Uploaded';
  return 'Not uploaded yet';
}

/**
 * A list of blocks rather than a table: four columns of hashes and URLs cannot fit 390 px, and a table squeezed
 * that narrow breaks every word letter by letter.
 */
export function FilingFiles({ files, sent = false }: { files: Row[] | FilingPreview['files']; sent?: boolean }) {
  const rows: Row[] = files;
  return (
    <ScrollCard label="Files to upload">
      <ul className="divide-y divide-line text-xs" data-testid="filing-files">
        {rows.map((f) => (
          <li key={`${f.sha256}|${f.fileName}`} className="space-y-1 px-2 py-2" data-testid="filing-file">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium break-all">{f.fileName}</span>
              <span className="tabular-nums text-muted">{formatBytes(f.bytes)}</span>
              {sent ? <span>{progress(f)}</span> : null}
            </p>
            {f.locationUrl ? <p className="break-all text-muted">from {f.locationUrl}</p> : null}
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 font-mono">
              <dt>MD5</dt>
              <dd className="break-all" data-testid="filing-file-md5">{f.md5}</dd>
              <dt>SHA-256</dt>
              <dd className="break-all">{f.sha256}</dd>
              {sent && f.fileId ? (
                <>
                  <dt>File id</dt>
                  <dd className="break-all" data-testid="filing-file-id">{f.fileId}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </ScrollCard>
  );
}
