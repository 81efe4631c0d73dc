import { expect, it } from 'vitest';
import { describeWithSpecs, SPEC_NAMES, validateSpec } from '../helpers/openapi';

describeWithSpecs('BigCommerce OpenAPI files', () => {
  it.each(SPEC_NAMES)('%s passes swagger-parser validate()', async (spec) => {
    const document = await validateSpec(spec);
    expect(document.openapi).toMatch(/^3\./);
  });
});
