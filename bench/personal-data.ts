/**
 * The personal-data detector (issue 11): recall and false-positive rate on the committed corpora
 * (src/server/platform/personal-data/corpus/), and throughput in texts per second, because intake
 * runs the detector on every report (the intake and weekly-picture figures depend on it).
 */
import { loadavg } from 'node:os';
import { findPersonalData } from '../src/server/platform/personal-data/detector.ts';
import {
  huddingeGazetteer,
  ordinaryTexts,
  personalDataCases,
  scoreCorpus,
} from '../src/server/platform/personal-data/corpus/corpus.ts';

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

function throughput(texts: readonly string[], options: Parameters<typeof findPersonalData>[1]): number {
  // Warm up so the JIT has compiled the regexes before the clock runs.
  for (let i = 0; i < 20; i++) for (const t of texts) findPersonalData(t, options);
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const t of texts) findPersonalData(t, options);
    done += texts.length;
  }
  return done / ((performance.now() - started) / 1000);
}

export async function runPersonalDataBenchmarks(log: (line: string) => void): Promise<void> {
  const gazetteer = huddingeGazetteer();
  const score = scoreCorpus(findPersonalData, gazetteer);
  log(
    `recall ${percent(score.recall)} (${score.caught}/${score.cases} personal-data cases caught with the right kind, ` +
      `${score.refused} refused at all; aim >= 95 %)`,
  );
  log(
    `false positives ${percent(score.falsePositiveRate)} (${score.falsePositives.length}/${score.ordinary} ordinary texts refused; aim < 2 %)`,
  );
  const byKind = new Map<string, { all: number; missed: number }>();
  for (const c of personalDataCases) {
    const entry = byKind.get(c.kind) ?? { all: 0, missed: 0 };
    entry.all++;
    if (score.missed.includes(c)) entry.missed++;
    byKind.set(c.kind, entry);
  }
  log(`recall by kind: ${[...byKind].map(([k, v]) => `${k} ${v.all - v.missed}/${v.all}`).join(', ')}`);
  for (const c of score.missed) log(`  missed ${c.kind}: ${JSON.stringify(c.text)}`);
  for (const fp of score.falsePositives)
    log(`  false positive: ${JSON.stringify(fp.text)} -> ${fp.findings.map((f) => f.kind).join(', ')}`);
  const all = [...ordinaryTexts, ...personalDataCases.map((c) => c.text)];
  // Throughput depends on what else runs on the machine; say how busy it was.
  const load = () => `load average ${loadavg()[0]!.toFixed(1)}`;
  const perText = throughput(all, { gazetteer });
  log(`throughput ${perText.toFixed(0)} texts/s (both corpora, ${all.length} texts, Huddinge gazetteer, ${load()})`);
  const long = [ordinaryTexts.join(' ')];
  const perSecond = throughput(long, { gazetteer });
  log(`throughput on one ${long[0]!.length}-character text: ${perSecond.toFixed(0)} texts/s (${load()})`);
}
