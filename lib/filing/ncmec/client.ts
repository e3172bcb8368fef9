/**
 * CyberTipline (ISPWS) client: one method per endpoint of shared/instance-apis.md §9. Transport is the app's shared
 * remote client (timeouts, no redirects, body caps via the caller's safe fetch, redaction); the caller passes
 * `fetch` (createSafeFetch in production). Writes are never re-sent by the transport: a second /submit would be
 * a second report, so a failed write surfaces (with maybeApplied) and the filing job decides.
 */
import { AppError } from '@/lib/errors';
import { RemoteHttp, type HttpMethod } from '@/lib/connectors/shared/remote-http';
import type { FetchLike } from '@/lib/connectors/types';
import { basicAuthHeader, credentialSecrets, type BasicCredentials } from './basic-auth';
import { ncmecHttpError } from './http-error';
import { parseNcmecResponse, type NcmecResponse } from './parse-response';

export interface NcmecClientOptions extends BasicCredentials {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface NcmecClient {
  status(): Promise<NcmecResponse>;
  submit(reportXml: string): Promise<NcmecResponse & { reportId: string }>;
  upload(reportId: string, fileName: string, bytes: Uint8Array): Promise<NcmecResponse & { fileId: string }>;
  fileInfo(fileDetailsXml: string): Promise<NcmecResponse>;
  finish(reportId: string): Promise<NcmecResponse>;
  retract(reportId: string): Promise<NcmecResponse>;
}

export function createNcmecClient(opts: NcmecClientOptions): NcmecClient {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const auth = basicAuthHeader(opts);
  const secrets = credentialSecrets(opts);
  const http = new RemoteHttp({
    service: 'CyberTipline', fetch: opts.fetch, secrets: () => secrets, timeoutMs: opts.timeoutMs ?? 60_000, sleep: opts.sleep,
    toError: (answer, label, retryAt) => ncmecHttpError(answer, label, retryAt, secrets),
  });

  const call = async (method: HttpMethod, path: string, body?: { text: string | FormData; type?: string }): Promise<NcmecResponse> => {
    const label = `${method} ${path}`;
    const answer = await http.send({
      method, label, url: base + path, body: body?.text,
      headers: { Authorization: auth, Accept: 'application/xml, text/xml', ...(body?.type ? { 'Content-Type': body.type } : {}) },
    });
    return parseNcmecResponse(answer.text, label);
  };
  // finish/retract take the id url-encoded, as Boostport/ncmec-go's Finish/Retract send it (its tests run against
  // exttest); civitai's caller sends multipart instead, so the service reads the field either way.
  const form = (reportId: string) => ({ text: new URLSearchParams({ id: checkId(reportId) }).toString(), type: 'application/x-www-form-urlencoded' });
  const xml = (text: string) => ({ text, type: 'text/xml; charset=utf-8' });

  return {
    status: () => call('GET', '/status'),
    async submit(reportXml) {
      const r = await call('POST', '/submit', xml(reportXml));
      return { ...r, reportId: r.reportId ?? missing('POST /submit', 'reportId') };
    },
    async upload(reportId, fileName, bytes) {
      const data = new FormData();
      data.set('id', checkId(reportId));
      data.set('file', new Blob([new Uint8Array(bytes)]), fileName);
      // No Content-Type: fetch writes the multipart boundary itself.
      const r = await call('POST', '/upload', { text: data });
      return { ...r, fileId: r.fileId ?? missing('POST /upload', 'fileId') };
    },
    fileInfo: async (fileDetailsXml) => call('POST', '/fileinfo', xml(fileDetailsXml)),
    // async so a bad id is a rejection like every other failure, not a synchronous throw.
    finish: async (reportId) => call('POST', '/finish', form(reportId)),
    retract: async (reportId) => call('POST', '/retract', form(reportId)),
  };
}

function checkId(reportId: string): string {
  if (!/^\d+$/.test(reportId)) throw new AppError('bad_request', 'CyberTipline report id must be digits', { userMessage: 'The CyberTipline report id is not valid.' });
  return reportId;
}

function missing(label: string, field: string): never {
  throw new AppError('remote_error', `CyberTipline ${label}: answer has no ${field}`, { userMessage: 'CyberTipline sent an incomplete answer.' });
}
