/**
 * `npm run bench [name...]`: prints the performance figures the issues name. Benchmarks are
 * measurements, never timed tests; record what you see, with the machine, in BENCHMARKS.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { machineLine, repoRoot } from './support.ts';

type Bench = (log: (line: string) => void) => Promise<void>;

/** Each suite lives in bench/<file>.ts and exports the named function. */
const SUITES: { name: string; file: string; exportName: string }[] = [
  { name: 'intake', file: 'intake.ts', exportName: 'runIntakeBenchmarks' },
  { name: 'lagesbild', file: 'lagesbild.ts', exportName: 'runLagesbildBenchmarks' },
  { name: 'analysis', file: 'analysis.ts', exportName: 'runAnalysisBenchmarks' },
  { name: 'cluster', file: 'cluster.ts', exportName: 'runClusterBenchmarks' },
  { name: 'areas-upload', file: 'areas-upload.ts', exportName: 'runAreasUploadBenchmarks' },
  { name: 'personal-data', file: 'personal-data.ts', exportName: 'runPersonalDataBenchmarks' },
];

async function main() {
  const wanted = process.argv.slice(2);
  const log = (line: string) => console.log(line);
  log(machineLine());
  for (const suite of SUITES) {
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    const file = path.join(repoRoot, 'bench', suite.file);
    if (!existsSync(file)) continue;
    const module = (await import(file)) as Record<string, Bench>;
    log(`\n# ${suite.name}`);
    await module[suite.exportName]!(log);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
