/**
 * Shared by the filing driver tests: the fake CyberTipline (real HTTP), settings pointing at it (or at a fault
 * proxy in front of it), and a case filed through the real verbs (prepareFiling then fileCase, as the UI does).
 * Synthetic credentials only; tests check they never leak.
 */
import { expect } from 'vitest';
import { startFakeNcmec, type FakeNcmec } from '@/e2e/fakes/ncmec/server';
import type { FakeReport } from '@/e2e/fakes/ncmec/state';
import type { Actor } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { fileCase } from '@/lib/filing/file-case';
import { prepareFiling } from '@/lib/filing/prepare-filing';
import { updateNcmecSettings } from '@/lib/filing/settings/ncmec-settings';
import { systemActor } from './support/fixtures';

export const NCMEC_USERNAME = 'synthetic-esp-user-4711';
export const NCMEC_PASSWORD = 'Synthetic-Pa55word-never-logged-8842';

export function startNcmec(opts: { latencyMs?: number } = {}): Promise<FakeNcmec> {
  return startFakeNcmec({ username: NCMEC_USERNAME, password: NCMEC_PASSWORD, ...opts });
}

/** `root` is the fake's (or a proxy's) server root; the service lives under /ispws. */
export async function configureNcmec(root: string): Promise<void> {
  await updateNcmecSettings({
    ctx: { actor: systemActor },
    input: {
      environment: 'custom', baseUrl: `${root}/ispws`, allowPrivate: true, username: NCMEC_USERNAME, password: NCMEC_PASSWORD,
      reporter: { firstName: 'Robin', lastName: 'Example', email: 'trust@example.org', phone: '+1 555 0100' },
      organization: { name: 'Example Collective' },
    },
  });
}

/** What a person does in the UI: review the preview, then file exactly what was reviewed. */
export async function fileIt(caseId: string, actor: Actor = systemActor): Promise<string> {
  const preview = await prepareFiling({ ctx: { actor }, input: { caseId } });
  const { filing } = await fileCase({ ctx: { actor }, input: { caseId, to: 'ncmec', reportSha256: preview.reportSha256 } });
  return filing.id;
}

export interface FakeCall { method: string; path: string; at: string }

export async function ncmecCalls(root: string): Promise<FakeCall[]> {
  const res = await fetch(`${root}/__fake/calls`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { calls: FakeCall[] }).calls;
}

export async function ncmecReports(root: string): Promise<FakeReport[]> {
  const res = await fetch(`${root}/__fake/reports`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { reports: FakeReport[] }).reports;
}

export async function failNext(root: string, endpoint: string, code: number, description: string): Promise<void> {
  const res = await fetch(`${root}/__fake/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint, code, description }) });
  expect(res.status).toBe(200);
}

export async function resetNcmec(root: string): Promise<void> {
  expect((await fetch(`${root}/__fake/reset`, { method: 'POST' })).status).toBe(200);
}

export const countPath = (calls: FakeCall[], endpoint: string) => calls.filter((c) => c.path === `/ispws/${endpoint}`).length;

export async function filingEvents(filingId: string): Promise<{ action: string; details: unknown; seq: bigint }[]> {
  const rows = await db.auditEvent.findMany({ where: { action: { startsWith: 'filing.' } }, orderBy: { seq: 'asc' }, select: { action: true, details: true, seq: true } });
  return rows.filter((r) => JSON.stringify(r.details).includes(filingId));
}

/** Every place a credential must never be: the filing rows, their files and every audit event's details. */
export async function storedText(): Promise<string> {
  const filings = await db.filing.findMany({ include: { files: true } });
  const events = await db.auditEvent.findMany({ select: { action: true, details: true } });
  return JSON.stringify({ filings, events });
}
