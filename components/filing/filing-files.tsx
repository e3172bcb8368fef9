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

export function FilingFiles({ files, sent = false }: { files: Row[] | FilingPreview['files']; sent?: boolean }) {
  const rows: Row[] = files;
  return (
    <ScrollCard label="Files to upload">
      <table className="w-full text-left text-xs" data-testid="filing-files">
        <thead className="bg-[#f4f5f6]">
          <tr>
            <th scope="col" className="px-2 py-1.5">File</th>
            <th scope="col" className="px-2 py-1.5">Size</th>
            <th scope="col" className="px-2 py-1.5">Hashes</th>
            {sent ? <th scope="col" className="px-2 py-1.5">CyberTipline</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={`${f.sha256}|${f.fileName}`} className="border-t border-line align-top" data-testid="filing-file">
              <td className="px-2 py-1.5">
                <span className="font-medium break-all">{f.fileName}</span>
                {f.locationUrl ? <span className="block break-all text-muted">from {f.locationUrl}</span> : null}
              </td>
              <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{formatBytes(f.bytes)}</td>
              <td className="px-2 py-1.5 font-mono break-all">
                <span className="block">MD5 <span data-testid="filing-file-md5">{f.md5}</span></span>
                <span className="block">SHA-256 {f.sha256}</span>
              </td>
              {sent ? (
                <td className="px-2 py-1.5">
                  <span className="block">{progress(f)}</span>
                  {f.fileId ? <span className="block font-mono" data-testid="filing-file-id">file id {f.fileId}</span> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
