/**
 * A case worth sealing: a synthetic item stored on instance A (reported) and C (same bytes), a re-encoded and
 * rotated copy stored on B (the same picture as JPEG: other bytes), and three copies found only remotely: one whose file a fake instance
 * (a local HTTP server: the only thing faked) serves, one whose file answers 404, one whose URL is on another host.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { db } from '@/lib/db';
import { syntheticImage } from '@/e2e/fakes/images';
import { openCase } from '@/lib/cases/open-case';
import { getMediaStore } from '@/lib/storage';
import { sealToken } from '@/lib/instances/token-box';
import { hashesOf } from './matching-fixtures';
import { makeInstance, makePost } from './cases-core-fixtures';
import { systemActor } from './support/fixtures';

export interface FileServer { url: string; hits: string[]; close: () => Promise<void> }

/** A fake instance's media host: /media/ok.png answers the bytes, anything else 404. */
export async function fileServer(bytes: Buffer): Promise<FileServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/media/ok.png') res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

async function storeOriginal(instanceId: string, mediaId: string, bytes: Buffer, mime = 'image/png'): Promise<void> {
  const key = `media/${instanceId}/${mediaId}/original`;
  await (await getMediaStore()).put(key, bytes);
  await db.media.update({ where: { id: mediaId }, data: { storageKey: key, mime, bytes: bytes.length } });
}

async function localInstance(name: string, baseUrl: string): Promise<string> {
  const existing = await db.instance.findUnique({ where: { baseUrl } });
  if (existing) return existing.id;
  const row = await db.instance.create({
    data: { name, kind: 'mastodon', baseUrl, domain: new URL(baseUrl).host, allowPrivate: true, status: 'ok', tokenSealed: await sealToken('t', baseUrl), webhookSecretSealed: 'sealed' },
  });
  return row.id;
}

let seq = 0;

export async function sealableCase(server: FileServer, server404: FileServer) {
  const i = ++seq;
  // A fresh item per case (the same bytes would join the earlier case); the JPEG is the same picture, other bytes.
  const original = await syntheticImage(60_000 + i, { width: 160, height: 120, format: 'png' });
  const rotated = await syntheticImage(60_000 + i, { width: 160, height: 120, format: 'jpeg' });
  const uri = `https://origin.test/users/spreader/statuses/ev-${i}-${Date.now()}`;
  const [a, b, c] = [await makeInstance(`ea${i}`), await makeInstance(`eb${i}`), await makeInstance(`ec${i}`)];
  const pa = await makePost(a, await hashesOf(original), { reported: true, statusUri: uri });
  const pb = await makePost(b, await hashesOf(rotated), { statusUri: uri });
  const pc = await makePost(c, await hashesOf(original), { statusUri: uri });
  await storeOriginal(a, pa.mediaId ?? '', original);
  await storeOriginal(b, pb.mediaId ?? '', rotated, 'image/jpeg');
  await storeOriginal(c, pc.mediaId ?? '', original);
  const opened = await openCase({ ctx: { actor: systemActor }, input: { reportId: pa.reportId ?? '' } });
  // Copies found by remote lookups: no media row, only URLs.
  const d = await localInstance(`ed${i}`, server.url);
  const e = await localInstance(`ee${i}`, server404.url);
  const f = await makeInstance(`ef${i}`);
  const remote = (instanceId: string, mediaUrl: string) => db.caseCopy.create({
    data: { caseId: opened.caseId, instanceId, copyKey: `media:${instanceId}`, mediaUrl, remoteMediaId: 'm1', foundBy: 'origin_uri', foundVia: 'remote', originUri: uri },
  });
  // B's JPEG may or may not pass the PDQ gate of the local search: record it the way that search would.
  const hasB = await db.caseCopy.count({ where: { caseId: opened.caseId, instanceId: b } });
  if (!hasB) await db.caseCopy.create({ data: { caseId: opened.caseId, instanceId: b, copyKey: `post:${pb.statusRemoteId}`, mediaId: pb.mediaId, remotePostId: pb.statusRemoteId, foundBy: 'pdq', foundVia: 'local', distance: 8 } });
  const cd = await remote(d, `${server.url}/media/ok.png`);
  const ce = await remote(e, `${server404.url}/media/gone.png`);
  const cf = await remote(f, 'https://cdn.elsewhere.example/file.png');
  return { caseId: opened.caseId, number: opened.number, instances: { a, b, c, d, e, f }, posts: { pa, pb, pc }, remoteCopies: { cd, ce, cf }, original, rotated };
}

/** Bytes the fake instance D serves: another image, so it becomes its own file in the seal. */
export function servedImage(): Promise<Buffer> {
  return syntheticImage(97_531, { width: 96, height: 64, format: 'png' });
}
