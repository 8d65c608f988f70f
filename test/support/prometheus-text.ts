/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every line
 * must be a `# HELP`, a `# TYPE` or a sample of a declared family, and histograms must be
 * cumulative with `+Inf` equal to `_count`. Written here because the published parser we tried
 * (parse-prometheus-text-format) drops the labels of histogram series.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
export interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+-?\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  labelPair.lastIndex = 0;
  while (labelPair.lastIndex < text.length) {
    const match = labelPair.exec(text);
    if (!match) throw new Error(`bad labels in: ${line}`);
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created'];

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const familyOf = (sampleName: string) => {
    if (families.has(sampleName)) return families.get(sampleName)!;
    const suffix = SUFFIXES.find((s) => sampleName.endsWith(s));
    return suffix ? families.get(sampleName.slice(0, -suffix.length)) : undefined;
  };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$/.exec(line);
    if (comment) {
      const [, kind, name, rest] = comment as unknown as [string, string, string, string];
      const family = families.get(name) ?? { name, type: 'untyped', help: '', samples: [] };
      if (kind === 'HELP') family.help = rest;
      else if (['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) family.type = rest;
      else throw new Error(`bad TYPE: ${line}`);
      families.set(name, family);
      continue;
    }
    if (line.startsWith('#')) continue;
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const value = Number(match[4] === '+Inf' ? Infinity : match[4] === '-Inf' ? -Infinity : match[4]);
    if (Number.isNaN(value) && match[4] !== 'NaN') throw new Error(`bad value: ${line}`);
    const family = familyOf(match[1]!);
    if (!family) throw new Error(`sample of an undeclared family: ${line}`);
    family.samples.push({ name: match[1]!, labels: parseLabels(match[3] ?? '', line), value });
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

const seriesKey = (labels: Record<string, string>) =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([k]) => k !== 'le')
      .sort(([a], [b]) => a.localeCompare(b)),
  );

function checkHistogram(family: Family) {
  const buckets = new Map<string, Sample[]>();
  for (const sample of family.samples.filter((s) => s.name === `${family.name}_bucket`)) {
    const key = seriesKey(sample.labels);
    buckets.set(key, [...(buckets.get(key) ?? []), sample]);
  }
  for (const [key, series] of buckets) {
    const values = series.map((s) => s.value);
    if (values.some((v, i) => i > 0 && v < values[i - 1]!)) throw new Error(`${family.name}: buckets not cumulative`);
    const inf = series.find((s) => s.labels.le === '+Inf');
    const count = family.samples.find((s) => s.name === `${family.name}_count` && seriesKey(s.labels) === key);
    if (!inf || !count || inf.value !== count.value) throw new Error(`${family.name}: +Inf bucket differs from _count`);
  }
}

/** The `_count` of the histogram series whose labels include `labels`. */
export function histogramCount(family: Family | undefined, labels: Record<string, string>): number | undefined {
  const sample = family?.samples.find(
    (s) => s.name === `${family.name}_count` && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return sample?.value;
}
