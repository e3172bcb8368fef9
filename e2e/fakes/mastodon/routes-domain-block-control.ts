/**
 * /__fake/domain-blocks: read the fake's blocks in one shape shared by every fake, and add or lift one directly in
 * its state, as an admin would in Mastodon's own UI (a hand-made block the dashboard did not create).
 */
import { z } from 'zod';
import { HttpError, type Params } from './http';
import type { FakeDomainBlock } from './entities';
import type { Route } from './route-types';
import type { FakeState } from './state';

const newBlock = z.object({
  domain: z.string().trim().toLowerCase().min(1).max(253),
  severity: z.enum(['silence', 'suspend', 'noop']).default('suspend'),
  rejectMedia: z.boolean().default(false),
  rejectReports: z.boolean().default(false),
  publicComment: z.string().nullable().default(null),
  malformed: z.boolean().default(false),
});

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

function byDomain(state: FakeState, domain: string): FakeDomainBlock | undefined {
  return [...state.domainBlocks.values()].find((b) => b.domain === domain);
}

export const domainBlockControlRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state }) => ({
      json: [...state.domainBlocks.values()]
        .map((b) => ({ domain: b.domain, severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports }))
        .sort((a, b) => a.domain.localeCompare(b.domain)),
    }),
  },
  {
    method: 'POST', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state, body }) => {
      const input = parse(newBlock, body);
      if (byDomain(state, input.domain)) throw new HttpError(422, `${input.domain} is already blocked`);
      const block: FakeDomainBlock = {
        id: state.nextDomainBlockId(), domain: input.domain, severity: input.severity, rejectMedia: input.rejectMedia,
        rejectReports: input.rejectReports, privateComment: null, publicComment: input.publicComment, obfuscate: false,
        createdAt: new Date().toISOString(), ...(input.malformed ? { malformed: true } : {}),
      };
      state.domainBlocks.set(block.id, block);
      return { json: { id: block.id, domain: block.domain } };
    },
  },
  {
    method: 'DELETE', pattern: /^\/__fake\/domain-blocks\/([^/]+)$/,
    handler: ({ state, params }) => {
      const block = byDomain(state, decodeURIComponent(params[0]).toLowerCase());
      if (!block) throw new HttpError(404, 'Record not found');
      state.domainBlocks.delete(block.id);
      return { json: { ok: true } };
    },
  },
];
