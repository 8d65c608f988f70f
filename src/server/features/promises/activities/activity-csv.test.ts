import { describe, expect, it } from 'vitest';
import { parseActivityCsv } from './activity-csv.ts';

describe('parseActivityCsv', () => {
  it('reads semicolon files with Swedish headers and a BOM, keeping line numbers', () => {
    const { rows, fileErrors } = parseActivityCsv(
      '\uFEFFÅtagande;Datum;Plats;Antal;Minuter;Anteckning\n2024-fotpatrull;2024-03-04;skogas-c;2;15;Lugnt\n\n2024-fotpatrull;2024-03-05;Skogås C;;;\n',
    );
    expect(fileErrors).toEqual([]);
    expect(
      rows.map((r) => [r.line, r.commitment, r.occurredOn, r.place, r.participants, r.durationMinutes, r.note]),
    ).toEqual([
      [2, '2024-fotpatrull', '2024-03-04', 'skogas-c', 2, 15, 'Lugnt'],
      [3, '2024-fotpatrull', '2024-03-05', 'Skogås C', undefined, undefined, ''],
    ]);
  });

  it('reports format errors per row and a missing column for the file', () => {
    const { rows } = parseActivityCsv('commitment,date,participants\nx,2024-13-01,0\n,2024-01-02,3\n');
    expect(rows[0]!.errors.map((e) => e.field)).toEqual(['occurredOn', 'participants']);
    expect(rows[1]!.errors).toEqual([{ line: 3, field: 'commitment', message: 'required' }]);
    expect(parseActivityCsv('plats,antal\nskogas-c,2\n').fileErrors.map((e) => e.field)).toEqual([
      'commitment',
      'occurredOn',
    ]);
    expect(parseActivityCsv('').fileErrors).toHaveLength(1);
  });
});
