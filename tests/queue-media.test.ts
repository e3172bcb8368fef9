import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getMediaPreview } from '@/lib/queue/get-media-preview';
import { getReport } from '@/lib/queue/get-report';
import { revealMedia } from '@/lib/queue/reveal-media';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';

async function setup(mime?: string, type?: string) {
  const inst = await makeInstance('media');
  const target = await makeAccount(inst.id);
  const report = await makeReport({ instanceId: inst.id, targetId: target.id, mediaCount: 1 });
  const seeded = await makeMediaForReport(report.id, inst.id, { mime, type });
  const actor = actorFor(await makeUser('moderator'));
  return { inst, report, actor, ...seeded };
}

const reveals = () => db.auditEvent.findMany({ where: { action: 'media.reveal' }, orderBy: { seq: 'asc' } });

describe('media reveal and preview', () => {
  it('reveal returns the original and writes exactly one audit event; the preview is different bytes', async () => {
    const { inst, report, media, actor, original, preview } = await setup();
    const before = (await reveals()).length;
    const out = await revealMedia({ ctx: { actor }, input: { mediaId: media.id, reportId: report.id } });
    expect(out.bytes.equals(original)).toBe(true);
    expect(out).toMatchObject({ mime: 'image/png', inline: true });
    const events = (await reveals()).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetType: 'media', targetId: media.id, instanceId: inst.id, actorId: actor.id, actorType: 'user' });
    expect(events[0].details).toMatchObject({ reportId: report.id, mime: 'image/png' });

    const blurred = await getMediaPreview({ ctx: { actor }, input: { mediaId: media.id } });
    expect(blurred.bytes.equals(preview)).toBe(true);
    expect(blurred.bytes.equals(original)).toBe(false);
    expect((await reveals()).length).toBe(before + 1); // previews are not reveals
  });

  it('makes a grayscale variant of the preview on request', async () => {
    const { media, actor, preview } = await setup();
    const gray = await getMediaPreview({ ctx: { actor }, input: { mediaId: media.id, gray: true } });
    expect(gray.bytes.equals(preview)).toBe(false);
    const { data, info } = await sharp(gray.bytes).raw().toBuffer({ resolveWithObject: true });
    // Every pixel has equal channels once grayscale (the fixture is a saturated pink).
    for (let i = 0; i < data.length; i += info.channels) expect(Math.abs(data[i] - data[i + 1]) + Math.abs(data[i + 1] - data[i + 2])).toBeLessThanOrEqual(2);
  });

  it('serves video originals as downloads, and refuses a report that does not contain the media', async () => {
    const { media, actor } = await setup('video/mp4', 'video');
    expect((await revealMedia({ ctx: { actor }, input: { mediaId: media.id } })).inline).toBe(false);
    const other = await setup();
    const before = (await reveals()).length;
    await expect(revealMedia({ ctx: { actor }, input: { mediaId: media.id, reportId: other.report.id } })).rejects.toMatchObject({ code: 'bad_request' });
    expect((await reveals()).length).toBe(before);
  });

  it('detail lists statuses with re-sanitized HTML and media without storage keys', async () => {
    const { report, media, actor } = await setup();
    const detail = await getReport({ ctx: { actor }, input: { id: report.id } });
    expect(detail.statuses).toHaveLength(1);
    expect(detail.statuses[0].contentHtml).not.toContain('<script');
    expect(detail.statuses[0].media[0]).toMatchObject({ id: media.id, state: 'done', inlineOriginal: true, hasPreview: true, hasOriginal: true });
    expect(JSON.stringify(detail)).not.toContain('media/');
    expect(detail.canAct).toBe(true);
    expect(detail.target.url).toMatch(/^https:/);
  });
});
