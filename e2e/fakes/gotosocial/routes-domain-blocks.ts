/**
 * GoToSocial's domain block list, read and delete (create is in routes-admin.ts): GET /api/v1/admin/domain_blocks
 * answers every block at once (no paging), GET and DELETE /:id answer the block (DELETE: as it was before removal).
 * Plus /__fake/domain-blocks, the control shape every fake shares, where a block "made in GoToSocial's own settings
 * panel" can be added or lifted directly.
 */
import { z } from 'zod';
import { HttpError, type Params } from '../mastodon/http';
import type { FakeDomainBlock } from './entities';
import type { Route } from './route-types';
import type { FakeState } from './state';

const ID = '([0-9A-Z]{26})';
const READ = { scope: 'admin:read:domain_blocks', staff: true };
const WRITE = { scope: 'admin:write:domain_blocks', staff: true };

export function serializeDomainBlock(state: FakeState, b: FakeDomainBlock) {
  return {
    id: b.malformed ? { id: b.id } : b.id, domain: b.domain, obfuscate: b.obfuscate, public_comment: b.publicComment,
    private_comment: b.privateComment, silenced_at: '', suspended_at: '', created_by: state.adminId, created_at: b.createdAt,
  };
}

function find(state: FakeState, id: string): FakeDomainBlock {
  const block = state.domainBlocks.get(id);
  if (!block) throw new HttpError(404, 'Not Found: domain block not found');
  return block;
}

const newBlock = z.object({
  domain: z.string().trim().toLowerCase().min(1).max(253),
  publicComment: z.string().default(''),
  malformed: z.boolean().default(false),
});

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

const byDomain = (state: FakeState, domain: string) => [...state.domainBlocks.values()].find((b) => b.domain === domain);

export const domainBlockRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/admin\/domain_blocks$/, ...READ,
    handler: ({ state }) => ({ json: [...state.domainBlocks.values()].map((b) => serializeDomainBlock(state, b)) }),
  },
  {
    method: 'GET', pattern: new RegExp(`^\\/api\\/v1\\/admin\\/domain_blocks\\/${ID}$`), ...READ,
    handler: ({ state, params }) => ({ json: serializeDomainBlock(state, find(state, params[0])) }),
  },
  {
    method: 'DELETE', pattern: new RegExp(`^\\/api\\/v1\\/admin\\/domain_blocks\\/${ID}$`), ...WRITE,
    handler: ({ state, params }) => {
      const block = find(state, params[0]);
      state.domainBlocks.delete(block.id);
      return { json: serializeDomainBlock(state, block) };
    },
  },
  {
    // GoToSocial has no severity: every block reads as a full block (suspend) here.
    method: 'GET', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state }) => ({
      json: [...state.domainBlocks.values()]
        .map((b) => ({ domain: b.domain, severity: 'suspend', rejectMedia: false, rejectReports: false }))
        .sort((a, b) => a.domain.localeCompare(b.domain)),
    }),
  },
  {
    method: 'POST', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state, body }) => {
      const input = parse(newBlock, body);
      if (byDomain(state, input.domain)) throw new HttpError(409, `Conflict: a domain block already exists for ${input.domain}`);
      const block: FakeDomainBlock = {
        id: state.nextId(), domain: input.domain, obfuscate: false, publicComment: input.publicComment, privateComment: '',
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
      if (!block) throw new HttpError(404, 'Not Found: domain block not found');
      state.domainBlocks.delete(block.id);
      return { json: { ok: true } };
    },
  },
];
