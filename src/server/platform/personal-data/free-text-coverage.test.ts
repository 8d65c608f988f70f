import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freeText, notFreeText } from '../../../contracts/free-text.ts';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { uncheckedStrings } from './free-text-coverage.ts';

const contractsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../contracts');

/** Every exported zod schema of src/contracts that a request sends (views, queries and params excluded). */
async function contractInputSchemas(): Promise<[string, z.ZodType][]> {
  const files = readdirSync(contractsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const found: [string, z.ZodType][] = [];
  for (const file of files) {
    const module = (await import(path.join(contractsDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType) || /View|Query|Params/.test(name)) continue;
      found.push([`${file}: ${name}`, value]);
    }
  }
  return found;
}

describe('uncheckedStrings', () => {
  it('names a plain string and an opaque value, and passes checked, exempted and constrained strings', () => {
    const schema = z.strictObject({
      plain: z.string().max(10),
      opaque: z.unknown(),
      checked: freeText(z.string().trim().max(100)).optional(),
      exempt: notFreeText(z.string(), 'a secret'),
      id: z.uuid(),
      code: z.string().regex(/^[a-z]+$/),
      list: z.array(z.strictObject({ note: z.string() })).default([]),
    });
    expect(uncheckedStrings(schema)).toEqual(['plain', 'opaque (unknown)', 'list.*.note']);
  });
});

describe('every text a person types is checked for personal data', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('in every route body of the route table', () => {
    const bodies = ctx.app.routeTable.filter((r) => r.schema?.body);
    expect(bodies.length).toBeGreaterThan(40);
    const unchecked = bodies.flatMap((r) =>
      uncheckedStrings(r.schema!.body as z.ZodType).map((field) => `${r.method} ${r.url}: ${field}`),
    );
    expect(unchecked).toEqual([]);
  });

  it('in every input schema of src/contracts', async () => {
    const schemas = await contractInputSchemas();
    expect(schemas.length).toBeGreaterThan(30);
    const unchecked = schemas.flatMap(([name, schema]) => uncheckedStrings(schema).map((f) => `${name}: ${f}`));
    expect(unchecked).toEqual([]);
  });
});
