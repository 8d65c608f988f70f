/**
 * The app's analyses on the demo data (issue 17: "every analysis on the demo data answers in < 2 s
 * at 999 permutations"), through the real server in its own process, as the analysis page asks
 * for them: each a run (POST /api/analysis/runs, then followed until done), first one by one, then
 * all six at once as the page starts them. Time is from the POST to the answer with the result.
 */
import { DEMO_PASSWORD } from '../src/server/db/seed/demo/seed-demo.ts';
import { loginHeaders, startServerProcess } from './support.ts';

const QUERIES = {
  hotspots: { weeks: 12, cellSize: 250, permutations: 999 },
  density: { weeks: 12, cellSize: 250 },
  'near-repeat': { iterations: 999 },
  evaluation: { weeks: 12, cellSize: 250, permutations: 999 },
  emerging: { weeks: 26, cellSize: 250, interval: 'week' },
  concentration: { weeks: 12, cellSize: 250 },
} as const;

/** Another seed per round, so no round is answered from the previous one's cache. */
const seeded = (kind: string, query: object, seed: number) =>
  ['hotspots', 'near-repeat', 'evaluation'].includes(kind)
    ? { ...query, seed }
    : { ...query, weeks: ((query as { weeks?: number }).weeks ?? 12) + seed };

interface RunView {
  id: string;
  status: string;
  result: unknown;
  error: { code: string } | null;
}

async function runOnce(url: string, headers: Record<string, string>, kind: string, query: object): Promise<number> {
  const t0 = performance.now();
  const start = await fetch(`${url}/api/analysis/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ kind, query }),
  });
  if (start.status !== 202) throw new Error(`${kind}: ${start.status} ${await start.text()}`);
  const { id } = (await start.json()) as RunView;
  for (;;) {
    const view = (await (await fetch(`${url}/api/analysis/runs/${id}`, { headers })).json()) as RunView;
    if (view.status === 'done') return (performance.now() - t0) / 1000;
    if (view.status !== 'queued' && view.status !== 'running')
      throw new Error(`${kind}: ${view.status} ${view.error?.code}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function runAppAnalysisBenchmarks(log: (line: string) => void): Promise<void> {
  const server = await startServerProcess({ adminPassword: 'bench-admin-password', env: { SAMTRYGG_DEMO: '1' } });
  try {
    const headers = await loginHeaders(server.url, 'demo.samordnare@demo.samtrygg.local', DEMO_PASSWORD);
    log('app analyses on the demo data (server from its sources under tsx, as npm start runs it; aim < 2 s each):');
    // The first analysis also starts the worker thread; shown apart.
    const cold = await runOnce(server.url, headers, 'concentration', { ...QUERIES.concentration, weeks: 11 });
    log(`  first analysis after start-up (starts the worker)     ${cold.toFixed(2).padStart(6)} s`);
    for (const [kind, query] of Object.entries(QUERIES)) {
      const seconds = await runOnce(server.url, headers, kind, seeded(kind, query, 2));
      log(
        `  ${kind.padEnd(14)} alone, ${JSON.stringify(query).padEnd(58)} ${seconds.toFixed(2).padStart(6)} s${seconds > 2 ? '  (OVER AIM)' : ''}`,
      );
    }
    const t0 = performance.now();
    const all = await Promise.all(
      Object.entries(QUERIES).map(
        async ([kind, query]) => [kind, await runOnce(server.url, headers, kind, seeded(kind, query, 3))] as const,
      ),
    );
    log(
      `  all six at once (the page): ${all.map(([k, s]) => `${k} ${s.toFixed(2)} s`).join(', ')}; ` +
        `last answer after ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );
  } finally {
    await server.stop();
  }
}
