/**
 * The /__fake/ control API, so tests and scripts in other processes can drive and inspect the fake.
 * Unauthenticated on purpose: the fake only ever listens on loopback.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readJsonBody, type Reply } from './http';
import { notifyReportEvent } from './deliver-webhook';
import { addReport, addSystemWebhook } from './seed';
import { packReport } from './serialize';
import type { FakeMisskeyState } from './state';

const rateLimit = z.object({
  remaining: z.number().int().min(0),
  times: z.number().int().positive().optional(),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});
const malformed = z.object({ reportId: z.string(), kind: z.enum(['missing_target', 'id_object', 'none']).default('missing_target') });
const newReport = z.object({
  comment: z.string().optional(),
  targetUserId: z.string().optional(),
  reporterId: z.string().optional(),
  noteCount: z.number().int().min(0).max(4).optional(),
  filesPerNote: z.number().int().min(0).max(4).optional(),
  resolved: z.boolean().optional(),
});
const auth = z.object({
  permissions: z.array(z.string()).optional(), moderator: z.boolean().optional(), admin: z.boolean().optional(), nativeToken: z.boolean().optional(),
});
const keepServing = z.object({ on: z.boolean() });
const domainBlock = z.object({ domain: z.string().min(1), severity: z.enum(['suspend', 'silence', 'noop']).optional() });
const systemWebhook = z.object({
  url: z.string().url(), secret: z.string(), on: z.array(z.string()).optional(), active: z.boolean().optional(), recipient: z.boolean().optional(),
});

export async function handleControl(state: FakeMisskeyState, req: IncomingMessage, url: URL): Promise<Reply> {
  const route = `${req.method} ${url.pathname.slice('/__fake/'.length)}`;
  const body = req.method === 'POST' ? await readJsonBody(req).catch(() => ({})) : {};
  const parse = <T>(schema: z.ZodType<T>): T | Reply => {
    const r = schema.safeParse(body);
    return r.success ? r.data : { status: 400, json: { error: z.prettifyError(r.error) } };
  };
  const isReply = (v: unknown): v is Reply => typeof v === 'object' && v !== null && 'status' in v && 'json' in v;
  if (req.method === 'DELETE' && url.pathname.startsWith('/__fake/domain-blocks/')) {
    const host = decodeURIComponent(url.pathname.slice('/__fake/domain-blocks/'.length)).toLowerCase();
    const before = state.blockedHosts.length + state.silencedHosts.length;
    state.blockedHosts = state.blockedHosts.filter((h) => h.toLowerCase() !== host);
    state.silencedHosts = state.silencedHosts.filter((h) => h.toLowerCase() !== host);
    return state.blockedHosts.length + state.silencedHosts.length === before ? { status: 404, json: { error: 'no such block' } } : { json: { ok: true } };
  }
  switch (route) {
    case 'GET records':
      return { json: state.records };
    case 'POST reset-records':
      state.records = [];
      return { json: { ok: true } };
    case 'GET remote-fetches':
      return { json: state.remoteFetches };
    case 'POST reset-remote-fetches':
      state.remoteFetches = [];
      return { json: { ok: true } };
    case 'GET destructive-calls':
      return { json: state.removal.calls };
    case 'POST reset-destructive-calls':
      state.removal.reset();
      return { json: { ok: true } };
    case 'POST keep-serving': {
      const input = parse(keepServing);
      if (isReply(input)) return input;
      state.removal.keepServing = input.on;
      return { json: { on: input.on } };
    }
    case 'GET domain-blocks': {
      // Blocked hosts win over silenced ones, as Misskey enforces them; Misskey keeps no flags.
      const blocks = new Map<string, string>();
      for (const h of state.silencedHosts) blocks.set(h.toLowerCase(), 'silence');
      for (const h of state.blockedHosts) blocks.set(h.toLowerCase(), 'suspend');
      return { json: [...blocks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([domain, severity]) => ({ domain, severity, rejectMedia: false, rejectReports: false })) };
    }
    case 'POST domain-blocks': {
      // A host added in Misskey's control panel: 'silence' goes to silencedHosts, anything else to blockedHosts.
      const input = parse(domainBlock);
      if (isReply(input)) return input;
      const host = input.domain.trim().toLowerCase();
      state.blockedHosts = state.blockedHosts.filter((h) => h !== host);
      state.silencedHosts = state.silencedHosts.filter((h) => h !== host);
      const severity = input.severity === 'silence' ? 'silence' : 'suspend';
      if (severity === 'silence') state.silencedHosts.push(host);
      else state.blockedHosts.push(host);
      return { json: { domain: host, severity, rejectMedia: false, rejectReports: false } };
    }
    case 'GET state':
      return { json: state.summary() };
    case 'POST reports': {
      const input = parse(newReport);
      if (isReply(input)) return input;
      const report = addReport(state, input);
      notifyReportEvent(state, report, 'abuseReport');
      return { json: packReport(state, report) };
    }
    case 'POST system-webhooks': {
      const input = parse(systemWebhook);
      return isReply(input) ? input : { json: addSystemWebhook(state, input) };
    }
    case 'GET deliveries':
      return { json: state.deliveries };
    case 'POST rate-limit': {
      const input = parse(rateLimit);
      if (isReply(input)) return input;
      state.rateLimiter.force(input);
      return { json: { ok: true, limit: state.rateLimiter.limit, windowMs: state.rateLimiter.windowMs } };
    }
    case 'POST malformed': {
      const input = parse(malformed);
      if (isReply(input)) return input;
      if (!state.reports.has(input.reportId)) return { status: 404, json: { error: 'no such report' } };
      if (input.kind === 'none') state.malformed.delete(input.reportId);
      else state.malformed.set(input.reportId, input.kind);
      return { json: { ok: true, ...input } };
    }
    case 'POST auth': {
      const input = parse(auth);
      if (isReply(input)) return input;
      if (input.permissions) state.auth.permissions = input.permissions;
      if (input.moderator !== undefined) state.auth.moderator = input.moderator;
      if (input.admin !== undefined) state.auth.admin = input.admin;
      if (input.nativeToken !== undefined) state.auth.nativeToken = input.nativeToken;
      return { json: { permissions: state.auth.permissions, moderator: state.auth.moderator, admin: state.auth.admin, nativeToken: state.auth.nativeToken } };
    }
    default:
      return { status: 404, json: { error: 'unknown control route' } };
  }
}
