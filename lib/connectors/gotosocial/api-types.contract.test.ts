/**
 * Contract test: the connector's zod schemas accept objects shaped like GoToSocial's own swagger definitions
 * (adminReport, adminAccountInfo, account, status, domainPermission: a domain block). Skipped when ../shared is not present.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountSchema, adminAccountSchema, gtsAdminReportSchema, gtsDomainBlockSchema, statusSchema } from './api-types';
import { mapGtsReport } from './mapper';
import { exampleOf, readDefinitions, SWAGGER_PATH } from './test-support/swagger-examples';

describe.skipIf(!existsSync(SWAGGER_PATH))('gotosocial schemas against swagger.yaml', () => {
  const defs = existsSync(SWAGGER_PATH) ? readDefinitions() : new Map();

  it.each([
    ['adminReport', gtsAdminReportSchema],
    ['adminAccountInfo', adminAccountSchema],
    ['account', accountSchema],
    ['status', statusSchema],
    ['domainPermission', gtsDomainBlockSchema],
  ] as const)('accepts the %s example', (name, schema) => {
    const parsed = schema.safeParse(exampleOf(defs, name));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('maps the adminReport example with its ids and nested entities', () => {
    const example = exampleOf(defs, 'adminReport');
    expect(example.id).toBe('01FBVD42CQ3ZEEVMW180SBX03B');
    const report = mapGtsReport(gtsAdminReportSchema.parse(example));
    expect(report.remoteId).toBe('01FBVD42CQ3ZEEVMW180SBX03B');
    expect(report.category).toBe('spam');
    expect(report.statuses).toHaveLength(1);
    expect(report.target.remoteId).toBe('01GQ4PHNT622DQ9X95XQX4KKNR');
  });
});
