/** README.txt of an export: what each part is and how to check it, for a recipient who has never seen the app. */
import type { EvidenceManifest } from './types';

export function exportReadme(m: EvidenceManifest, manifestSha256: string, exportedBy: string, exportedAt: string): string {
  return [
    `Evidence export: case #${m.case.number} (${m.case.id}), seal version ${m.version}`,
    `Sealed ${m.sealedAt} by ${m.sealedBy} (${m.reason}). Exported ${exportedAt} by ${exportedBy}.`,
    '',
    'manifest.json    The manifest exactly as sealed: canonical JSON (sorted keys, no whitespace, UTF-8).',
    `                 Its SHA-256 is ${manifestSha256};`,
    '                 the app wrote that hash into its tamper-evident audit log when sealing (event evidence.sealed).',
    'files/, copies/  Media bytes: the original as the app stored it, and each copy whose bytes differ.',
    'posts/           Each copy\'s post (text and HTML) as its server reported it.',
    'accounts/        The posting account as each server reported it.',
    'case.json, copies.json, reports.json   The case record, the list of copies, the linked reports.',
    'audit-trail.jsonl  The case\'s audit events in order (chain of custody), with their chain hashes.',
    '',
    'To check: sha256sum manifest.json must print the hash above; every file listed in manifest.json "items" must',
    'hash to its "sha256". Items of kind "missing" were not available when sealed (their "note" says why).',
    'The audit hashes are keyed (HMAC): the operator verifies them with `npm run cli -- evidence verify CASE`.',
    '',
  ].join('\n');
}
