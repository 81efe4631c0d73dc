import { describe, expect, it } from 'vitest';
import { parseSandboxQuirks } from '../../src/testing/index';
import { cli } from '../cli/run-cli';

describe('CLI --sandbox-quirks', () => {
  it('plays the quirks it names, and the SDK stays right under them', async () => {
    // A store that matches PO numbers by prefix and lets items_shipped lag: PO-100 must not answer for PO-1001.
    const run = await cli(['shipments', '--sandbox', '--sandbox-quirks', 'externalOrderIdMatch=prefix,itemsShippedStale', '--po', 'PO-1001']);
    expect(run.code).toBe(0);
    expect(run.records.map((record) => record.poNumber)).toEqual(['PO-1001']);
    const none = await cli(['shipments', '--sandbox', '--sandbox-quirks', 'externalOrderIdMatch=prefix', '--po', 'PO-100']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('PO-100');
  });

  it('refuses an unknown quirk or a bad value with a usage error (exit 2)', async () => {
    const run = await cli(['verify', '--sandbox', '--sandbox-quirks', 'skuFilterCaseSensitive,externalOrderIdMatch=fuzzy,nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("externalOrderIdMatch: expected 'exact', 'prefix' or 'contains'");
    expect(run.stderr).toContain('quirks.nope: unknown quirk');
  });

  it('parses names alone as true and name=value pairs', () => {
    expect(parseSandboxQuirks('skuFilterCaseSensitive, shipmentBumpsOrderModified=false,externalOrderIdMatch=contains')).toEqual({
      skuFilterCaseSensitive: true,
      shipmentBumpsOrderModified: false,
      externalOrderIdMatch: 'contains',
    });
  });
});
