/** /api/v1/admin/domain_blocks: list, create (422 on an existing domain, as Mastodon), show, update, delete. */
import type { DomainBlockSeverity, FakeDomainBlock } from './entities';
import { HttpError, str, truthy, type Params, type Reply } from './http';
import { paginate } from './paginate';
import type { Ctx, Route } from './route-types';
import { serializeDomainBlock } from './serialize-report';
import { compareIds, type FakeState } from './state';
import { clearDomainMedia, deleteAccountData, onDomain } from './removals';

const READ = { scope: 'admin:read:domain_blocks', permission: 'manageFederation' } as const;
const WRITE = { scope: 'admin:write:domain_blocks', permission: 'manageFederation' } as const;
const SEVERITIES: DomainBlockSeverity[] = ['silence', 'suspend', 'noop'];

function find(state: FakeState, id: string): FakeDomainBlock {
  const block = state.domainBlocks.get(id);
  if (!block) throw new HttpError(404, 'Record not found');
  return block;
}

function severityParam(v: unknown): DomainBlockSeverity | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (!SEVERITIES.includes(s as DomainBlockSeverity)) throw new HttpError(422, 'Validation failed: Severity is not included in the list');
  return s as DomainBlockSeverity;
}

function applyParams(block: FakeDomainBlock, body: Params): void {
  block.severity = severityParam(body.severity) ?? block.severity;
  if (body.reject_media !== undefined) block.rejectMedia = truthy(body.reject_media);
  if (body.reject_reports !== undefined) block.rejectReports = truthy(body.reject_reports);
  if (body.obfuscate !== undefined) block.obfuscate = truthy(body.obfuscate);
  if (body.private_comment !== undefined) block.privateComment = str(body.private_comment) ?? null;
  if (body.public_comment !== undefined) block.publicComment = str(body.public_comment) ?? null;
}

/**
 * BlockDomainService: silence every known account on the domain (and its subdomains), or for "suspend" suspend them
 * and delete their data (DeleteAccountService); with reject_media, DomainClearMediaWorker deletes their cached files.
 */
function enforce(state: FakeState, block: FakeDomainBlock): void {
  for (const a of state.accounts.values()) {
    if (!onDomain(a, block.domain)) continue;
    if (block.severity === 'suspend' && !a.dataDeletedAt) deleteAccountData(state, a);
    if (block.severity === 'silence') a.silenced = true;
  }
  if (block.rejectMedia) clearDomainMedia(state, block.domain);
}

function create({ state, body }: Ctx) {
  const domain = str(body.domain)?.trim().toLowerCase();
  if (!domain) throw new HttpError(422, "Validation failed: Domain can't be blank");
  const existing = [...state.domainBlocks.values()].find((b) => b.domain === domain);
  if (existing) {
    throw new HttpError(422, `You have already imposed stricter limits on ${domain}.`, {
      existing_domain_block: serializeDomainBlock(existing),
    });
  }
  const block: FakeDomainBlock = {
    id: state.nextDomainBlockId(), domain, severity: 'silence', rejectMedia: false, rejectReports: false,
    privateComment: null, publicComment: null, obfuscate: false, createdAt: new Date().toISOString(),
  };
  applyParams(block, body);
  state.domainBlocks.set(block.id, block);
  enforce(state, block);
  return { json: serializeDomainBlock(block) };
}

function list({ state, query, selfUrl }: Ctx): Reply {
  const all = [...state.domainBlocks.values()].sort((a, b) => compareIds(b.id, a.id));
  const page = paginate(all, query, selfUrl, []);
  return { json: page.items.map(serializeDomainBlock), headers: page.link ? { Link: page.link } : {} };
}

const base = '^\\/api\\/v1\\/admin\\/domain_blocks';
export const domainBlockRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`${base}$`), ...READ, handler: list },
  { method: 'POST', pattern: new RegExp(`${base}$`), ...WRITE, handler: create },
  { method: 'GET', pattern: new RegExp(`${base}\\/(\\d+)$`), ...READ, handler: ({ state, params }) => ({ json: serializeDomainBlock(find(state, params[0])) }) },
  {
    method: 'PUT', pattern: new RegExp(`${base}\\/(\\d+)$`), ...WRITE,
    handler: ({ state, params, body }) => {
      const block = find(state, params[0]);
      applyParams(block, body);
      enforce(state, block);
      return { json: serializeDomainBlock(block) };
    },
  },
  {
    method: 'DELETE', pattern: new RegExp(`${base}\\/(\\d+)$`), ...WRITE,
    handler: ({ state, params }) => {
      state.domainBlocks.delete(find(state, params[0]).id);
      return { json: {} };
    },
  },
];
