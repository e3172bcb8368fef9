/**
 * What the bench measures: the queue page's server work for the default view and the filter/sort combinations
 * moderators use most, a deep keyset page, a limited moderator, the report detail, and the exposure layer.
 */
import type { Actor } from '@/lib/audit/actor';
import { getExposureStatus } from '@/lib/exposure/get-exposure-status';
import { getMyExposure } from '@/lib/exposure/get-my-exposure';
import { getTeamExposure } from '@/lib/exposure/get-team-exposure';
import { search } from '@/lib/search/search';
import { getReport } from '../get-report';
import { queueHealth } from '../queue-health';
import { listQueue } from '../list-queue';
import type { QueueInput } from '../queue-input';

export interface Scenario { name: string; run: () => Promise<unknown>; list?: QueueInput }

export interface ScenarioContext { admin: Actor; limited: Actor; exposed: Actor; biggestInstanceId: string; deepCursor: string; detailIds: string[] }

export function buildScenarios(c: ScenarioContext): Scenario[] {
  const list = (name: string, input: QueueInput, actor: Actor = c.admin): Scenario => ({ name, list: input, run: () => listQueue({ ctx: { actor }, input }) });
  let next = 0;
  return [
    list('default (open, newest)', {}),
    list('oldest', { sort: 'oldest' }),
    list('priority', { sort: 'priority' }),
    list('one instance', { instanceId: c.biggestInstanceId }),
    list('legal + has media, priority', { category: 'legal', hasMedia: true, sort: 'priority' }),
    list('unassigned', { assignee: 'unassigned' }),
    list('assigned to me', { assignee: 'me' }),
    list('page 20 (keyset)', { cursor: c.deepCursor }),
    list('resolved tab', { status: 'resolved' }),
    list('limited moderator (3 instances)', {}, c.limited),
    { name: 'report detail', run: () => getReport({ ctx: { actor: c.admin }, input: { id: c.detailIds[next++ % c.detailIds.length] } }) },
    // Issue 12: the team layer on the same data.
    list('tag filter', { tag: 'brigade' }),
    list('escalated only', { escalated: true }),
    { name: 'queue health (30 days)', run: () => queueHealth({ ctx: { actor: c.admin } }) },
    { name: 'search: a word (all kinds)', run: () => search({ ctx: { actor: c.admin }, input: { q: 'spam' } }) },
    { name: 'search: limited moderator', run: () => search({ ctx: { actor: c.limited }, input: { q: 'spam' } }) },
    // Issue 15: 200,000 exposure records; one moderator over the limit, whose queue leaves severe reports out.
    list('over the exposure limit (priority)', { sort: 'priority' }, c.exposed),
    { name: 'exposure status', run: () => getExposureStatus(c.exposed.type === 'user' ? c.exposed.id : '') },
    { name: 'my exposure (28 days, 12 weeks)', run: () => getMyExposure({ ctx: { actor: c.exposed } }) },
    { name: 'team exposure (52 people)', run: () => getTeamExposure({ ctx: { actor: c.admin } }) },
  ];
}

/** Walks `pages` pages of the default view to get a realistic deep cursor. */
export async function cursorAtPage(actor: Actor, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await listQueue({ ctx: { actor }, input: { cursor } });
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error('not enough reports for a deep page');
  return cursor;
}
