/**
 * Issue 11.5: `PUT /api/areas` with 150 overlapping 200-vertex polygons (~600 KB) must finish in
 * < 5 s while `/api/health` keeps answering in < 200 ms. The server runs in its own process; this
 * process uploads the file and polls the health endpoint every 20 ms meanwhile.
 */
import { loginHeaders, startServerProcess } from './support.ts';

const ADMIN_PASSWORD = 'bench-admin-password-areas';

function overlappingAreas(count = 150, vertices = 200) {
  const features = Array.from({ length: count }, (_, i) => {
    const lon = 17.95 + (i % 10) * 0.003;
    const lat = 59.22 + Math.floor(i / 10) * 0.002;
    const ring = Array.from({ length: vertices }, (_, k) => {
      const angle = (2 * Math.PI * k) / vertices;
      return [Number((lon + 0.02 * Math.cos(angle)).toFixed(7)), Number((lat + 0.01 * Math.sin(angle)).toFixed(7))];
    });
    ring.push(ring[0]!);
    return {
      type: 'Feature',
      properties: { code: `omrade-${i}`, name: `Område ${i}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A legitimate worst case: a 15 x 10 grid of districts sharing their edges, 200 vertices each. */
function adjacentAreas() {
  const size = 0.01;
  const side = (from: number[], to: number[]) =>
    Array.from({ length: 50 }, (_, k) => [
      Number((from[0]! + ((to[0]! - from[0]!) * k) / 50).toFixed(7)),
      Number((from[1]! + ((to[1]! - from[1]!) * k) / 50).toFixed(7)),
    ]);
  const features = Array.from({ length: 150 }, (_, i) => {
    const x = 17.9 + (i % 15) * size;
    const y = 59.15 + Math.floor(i / 15) * size;
    const corners = [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
    ];
    const ring = corners.flatMap((corner, c) => side(corner, corners[(c + 1) % 4]!));
    ring.push(ring[0]!);
    return {
      type: 'Feature',
      properties: { code: `distrikt-${i}`, name: `Distrikt ${i}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function runAreasUploadBenchmarks(log: (line: string) => void): Promise<void> {
  const server = await startServerProcess({
    adminPassword: ADMIN_PASSWORD,
    env: { BODY_LIMIT_BYTES: String(4 << 20) },
  });
  try {
    const headers = await loginHeaders(server.url, 'admin@samtrygg.local', ADMIN_PASSWORD);
    for (const [label, body] of [
      ['150 overlapping 200-vertex polygons', overlappingAreas()],
      ['150 adjacent 200-vertex districts', adjacentAreas()],
    ] as const) {
      const healthTimes: number[] = [];
      let uploading = true;
      const poll = (async () => {
        while (uploading) {
          const started = performance.now();
          await fetch(`${server.url}/api/health`);
          healthTimes.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const started = performance.now();
      const response = await fetch(`${server.url}/api/areas`, { method: 'PUT', headers, body });
      const uploadMs = performance.now() - started;
      uploading = false;
      await poll;
      const answer = (await response.json()) as { details?: { problems?: unknown[] } };
      const sorted = [...healthTimes].sort((a, b) => a - b);
      log(
        `PUT /api/areas, ${label} (${(body.length / 1024).toFixed(0)} KB): ${response.status} with ` +
          `${answer.details?.problems?.length ?? 0} problems in ${(uploadMs / 1000).toFixed(2)} s (aim < 5 s)`,
      );
      log(
        `  /api/health meanwhile: ${sorted.length} answers, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, ` +
          `max ${sorted.at(-1)!.toFixed(1)} ms (aim < 200 ms)`,
      );
    }
  } finally {
    await server.stop();
  }
}
