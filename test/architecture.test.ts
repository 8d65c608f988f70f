import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rule "SQL only in repositories", checked on the source: a service owns policy,
 * transaction and audit, and reaches the tables through a repository.
 */
const root = path.resolve(import.meta.dirname, '..');
const SQL_BUILDERS = /\b(selectFrom|insertInto|updateTable|deleteFrom)\b/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('server structure', () => {
  it('runs no query builder in a service file', async () => {
    const services = (await sourceFiles(path.join(root, 'src/server'))).filter((f) => f.endsWith('.service.ts'));
    expect(services.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of services) {
      const text = await readFile(path.join(root, file), 'utf8');
      for (const match of text.matchAll(SQL_BUILDERS)) offenders.push(`${file}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('finds a query builder where there is one (the check itself works)', async () => {
    const text = await readFile(path.join(root, 'src/server/features/reports/reports.repository.ts'), 'utf8');
    expect([...text.matchAll(SQL_BUILDERS)].length).toBeGreaterThan(0);
  });
});
