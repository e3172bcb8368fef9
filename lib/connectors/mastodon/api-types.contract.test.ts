/**
 * Contract test: the connector's zod schemas accept what Mastodon's published entity schemas describe
 * (abraham/mastodon-openapi, copied to /work/shared/specs), and require nothing the spec leaves optional.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { accountSchema, adminAccountSchema, adminReportSchema, mediaAttachmentSchema, statusSchema } from './api-types';
import { mapAdminAccount, mapAdminReport, mapMedia, mapStatus } from './mapper';
import { exampleFor, type ExampleMode, type Spec } from './test-support/schema-example';

const specPath = path.resolve(process.cwd(), '../shared/specs/mastodon-openapi.schema.json');
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8')) as Spec;
const schemas = spec.components.schemas;
const MODES: ExampleMode[] = ['full', 'required', 'nulls'];

const entities: Array<[string, z.ZodType, (v: never) => unknown]> = [
  ['AdminReport', adminReportSchema, mapAdminReport],
  ['AdminAccount', adminAccountSchema, mapAdminAccount],
  ['Status', statusSchema, mapStatus],
  ['MediaAttachment', mediaAttachmentSchema, mapMedia],
  ['Account', accountSchema, (v) => v],
];

describe('Mastodon OpenAPI entity contract', () => {
  for (const [name, schema, map] of entities) {
    for (const mode of MODES) {
      it(`${name} accepts a "${mode}" example generated from the spec`, () => {
        const example = exampleFor(spec, name, mode);
        const parsed = schema.safeParse(example);
        if (!parsed.success) throw new Error(`${name}/${mode}: ${parsed.error.message}`);
        expect(() => map(parsed.data as never)).not.toThrow();
      });
    }

    it(`${name}: every field the connector requires is required by the spec`, () => {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      const specRequired = new Set((schemas[name].required as string[]) ?? []);
      const ours = Object.keys(shape).filter((k) => !shape[k].safeParse(undefined).success);
      expect(ours.filter((k) => !specRequired.has(k))).toEqual([]);
    });
  }

  it('keeps every media type and report category the spec lists', () => {
    const mediaTypes = schemas.MediaAttachmentTypeEnum.enum as string[];
    mediaTypes.forEach((type, i) => {
      const media = mediaAttachmentSchema.parse(exampleFor(spec, 'MediaAttachment', 'full', i));
      expect(media.type).toBe(type);
    });
    const categories = schemas.ReportCategoryEnum.enum as string[];
    categories.forEach((category, i) => {
      const report = mapAdminReport(adminReportSchema.parse(exampleFor(spec, 'AdminReport', 'full', i)));
      expect(report.category).toBe(category);
    });
  });

  it('maps media addresses out of a full nested example', () => {
    const report = mapAdminReport(adminReportSchema.parse(exampleFor(spec, 'AdminReport', 'full', 1)));
    expect(report.statuses[0].media[0]).toMatchObject({ type: 'image', url: 'https://example.test/url', previewUrl: 'https://example.test/preview_url' });
  });

  it('accepts the examples embedded in the spec', () => {
    expect(adminReportSchema.safeParse(schemas.AdminReport.example).success).toBe(true);
    expect(adminAccountSchema.safeParse(schemas.AdminAccount.example).success).toBe(true);
  });
});
