/**
 * Issue 8, point 6: a 10,000 x 10,000 image used to take ~680 MB to decode (four at once nearly 1 GB). Now it is
 * shrunk while decoding and every decode reserves its estimated peak from a process-wide budget. Measured in
 * child processes (the kernel's RSS high-water mark), so this test's own heap does not blur the figure.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { estimateDecodeBytes } from './decode-image';
import { createMemoryBudget } from './memory-budget';
import { solidPng } from './test-images';

const MB = 1024 * 1024;
const PROBE = path.join(import.meta.dirname, 'test-support/measure-media-rss.ts');
const probeOutput = z.object({
  growthBytes: z.number(),
  maxInUse: z.number(),
  budget: z.number(),
  results: z.array(z.object({ width: z.number().nullable(), height: z.number().nullable(), hash: z.string().nullable(), preShrunk: z.boolean().optional() })),
});

let dir: string;
let big: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-memory-'));
  big = path.join(dir, 'solid-10k.png');
  fs.writeFileSync(big, await solidPng(10_000, 10_000, [58, 110, 165]));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function probe(files: string[], budgetMb: number) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, 'prepare', ...files], {
    cwd: process.cwd(),
    env: { ...process.env, MEDIA_MEMORY_BUDGET_MB: String(budgetMb) },
    maxBuffer: 1024 * 1024,
  });
  return probeOutput.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
}

describe('memory budget for media decodes', () => {
  it('processes a 10,000 x 10,000 image with peak RSS growth well under the budget', async () => {
    const out = await probe([big], 512);
    expect(out.results).toEqual([{ width: 10_000, height: 10_000, hash: expect.stringMatching(/^[0-9a-f]{64}$/), preShrunk: true }]);
    // A full decode alone is 300 MB of RGB (measured: 318 MB of growth); shrunk while decoding, about 65 MB.
    expect(out.growthBytes).toBeLessThan(128 * MB);
  }, 20_000);

  it('keeps four at once under the budget', async () => {
    const out = await probe([big, big, big, big], 512);
    expect(out.results).toHaveLength(4);
    expect(out.maxInUse).toBeLessThanOrEqual(out.budget);
    // Measured: about 245 MB (a full decode of the four was 1.27 GB).
    expect(out.growthBytes).toBeLessThan(512 * MB);
  }, 20_000);

  it('a smaller budget serialises them, and the results do not change', async () => {
    const out = await probe([big, big, big, big], 100);
    expect(new Set(out.results.map((r) => r.hash)).size).toBe(1);
    expect(out.maxInUse).toBeLessThanOrEqual(100 * MB);
    // One at a time: measured about 130-150 MB (one decode is about 60 MB; the allocator keeps some of what the
    // earlier decodes freed), against about 225-270 MB with all four in flight.
    expect(out.growthBytes).toBeLessThan(200 * MB);
  }, 20_000);

  it('estimates a full decode by its pixels and a shrinking one by its width', () => {
    expect(estimateDecodeBytes({ storedWidth: 4000, storedHeight: 4000, channels: 3 })).toBeGreaterThan(48 * MB);
    expect(estimateDecodeBytes({ storedWidth: 10_000, storedHeight: 10_000, channels: 3 })).toBeLessThan(100 * MB);
    expect(estimateDecodeBytes({ storedWidth: 100_000, storedHeight: 1_000, channels: 4 })).toBeGreaterThan(150 * MB);
  });
});

describe('createMemoryBudget', () => {
  it('grants in arrival order, waits until there is room, and releases once', async () => {
    const budget = createMemoryBudget(100);
    const order: string[] = [];
    const a = await budget.reserve(60);
    const bPromise = budget.reserve(50).then((r) => (order.push('b'), r));
    const cPromise = budget.reserve(10).then((r) => (order.push('c'), r));
    await new Promise((r) => setImmediate(r));
    // c would fit, but b came first: a big request is not starved by small ones.
    expect(order).toEqual([]);
    expect(budget.inUse()).toBe(60);
    a();
    a();
    const b = await bPromise;
    const c = await cPromise;
    expect(order).toEqual(['b', 'c']);
    expect(budget.inUse()).toBe(60);
    b();
    c();
    expect(budget.inUse()).toBe(0);
  });

  it('lets a request larger than the whole budget run alone', async () => {
    const budget = createMemoryBudget(100);
    const small = await budget.reserve(1);
    let granted = false;
    const huge = budget.reserve(1_000).then((r) => ((granted = true), r));
    await new Promise((r) => setImmediate(r));
    expect(granted).toBe(false);
    small();
    (await huge)();
    expect(budget.inUse()).toBe(0);
    const odd = await budget.reserve(Number.NaN);
    expect(budget.inUse()).toBe(100);
    odd();
  });
});
