/**
 * A loopback proxy in front of any fake server that adds the faults real servers show under load: a slow answer
 * (the request has already reached the server and taken effect), a 5xx after the change was applied, or a 5xx
 * without reaching the server at all. It logs every request it saw, so tests count deliveries exactly; the fakes
 * themselves stay unchanged. Requests are forwarded before the delay, as a real server acts before it answers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  method?: string;
  path: RegExp;
  /** Wait this long before answering (after forwarding). */
  delayMs?: number;
  /** Answer with this status instead of the server's. */
  status?: number;
  /** false: do not forward at all (the server never sees it). Default true. */
  forward?: boolean;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  at: number;
}

export interface FaultProxy {
  url: string;
  log: ProxiedRequest[];
  /** Requests currently being answered, and the most there ever were at once. */
  inFlight: () => number;
  maxInFlight: (path: RegExp) => number;
  setRules(rules: FaultRule[]): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, initial: FaultRule[] = []): Promise<FaultProxy> {
  let rules = initial;
  const log: ProxiedRequest[] = [];
  const open = new Map<string, number>();
  const peak = new Map<string, number>();
  let inFlight = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const method = req.method ?? 'GET';
    log.push({ method, path, at: Date.now() });
    inFlight++;
    open.set(path, (open.get(path) ?? 0) + 1);
    peak.set(path, Math.max(peak.get(path) ?? 0, open.get(path) ?? 0));
    const rule = rules.find((r) => (!r.method || r.method === method) && r.path.test(path));
    relay(target, req, res, rule)
      .catch(() => {
        // The client went away (a killed worker): nothing to answer.
        if (!res.headersSent) res.writeHead(502);
        res.end();
      })
      .finally(() => {
        inFlight--;
        open.set(path, (open.get(path) ?? 1) - 1);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    log,
    inFlight: () => inFlight,
    maxInFlight: (re) => Math.max(0, ...[...peak].filter(([p]) => re.test(p)).map(([, n]) => n)),
    setRules: (r) => { rules = r; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function relay(target: string, req: IncomingMessage, res: ServerResponse, rule: FaultRule | undefined): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  let status = 502;
  let body: Buffer = Buffer.from('{}');
  let type = 'application/json';
  if (rule?.forward !== false) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const r = await fetch(`${target}${req.url ?? '/'}`, {
      method: req.method, headers, body: chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined,
    });
    status = r.status;
    body = Buffer.from(await r.arrayBuffer());
    type = r.headers.get('content-type') ?? type;
  }
  if (rule?.delayMs) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
  if (rule?.status) {
    status = rule.status;
    body = Buffer.from(JSON.stringify({ error: 'We\'re sorry, but something went wrong on our end.' }));
    type = 'application/json';
  }
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
}
