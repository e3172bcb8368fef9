/**
 * The HTTP shell every fake server shares: NodeInfo first (as real servers answer it), then the fake's own routes,
 * a 500 for a handler that throws, a loopback listener on the given or a random port, and a close that also ends
 * keep-alive connections so tests never hang on shutdown.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveNodeInfo, type NodeInfoSoftware } from './nodeinfo';

export interface ServedFake {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveFake(
  software: NodeInfoSoftware,
  opts: { port?: number; host?: string; latencyMs?: number },
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
): Promise<ServedFake> {
  let baseUrl = '';
  // A real server across the internet answers in tens to hundreds of milliseconds; benchmarks that fan out to many
  // instances must pay that, or parallelism would look free. Jitter of ±25 % keeps answers from arriving in lockstep.
  const latency = opts.latencyMs ?? 0;
  const delay = () => (latency > 0 ? new Promise((r) => setTimeout(r, latency * (0.75 + Math.random() * 0.5))) : Promise.resolve());
  const server = createServer((req, res) => {
    if (serveNodeInfo(req, res, baseUrl, software)) return;
    delay().then(() => handle(req, res)).catch((e) => {
      console.error(`[fake-${software.name}] request failed`, e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await listen(server, opts.port ?? 0, host);
  baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { baseUrl, close: () => close(server) };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}
