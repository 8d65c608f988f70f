/**
 * A command's JSON result written piece by piece: for outputs of tens of thousands of cells the
 * pieces are made from typed arrays as they are written, so neither a per-cell object nor the whole
 * text is ever held (peak memory is an aim of issue 17). The text equals JSON.stringify's.
 */
export class StreamedJson {
  constructor(readonly chunks: () => Iterable<string | Uint8Array>) {}
}

const CHUNK = 1 << 16;

/**
 * `{"a":1,"cells":[` ... `]}` around the items' own JSON (ASCII), packed into 64 KiB buffers: the
 * per-item strings are tiny and short-lived, and the buffers live outside the JavaScript heap.
 */
export function objectWithArray(
  head: Record<string, unknown>,
  key: string,
  count: number,
  item: (i: number) => string,
  tail: Record<string, unknown> = {},
): StreamedJson {
  return new StreamedJson(function* () {
    const open = JSON.stringify({ ...head, [key]: [] });
    yield `${open.slice(0, -3)}[`;
    let buf = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    for (let i = 0; i < count; i++) {
      const text = i > 0 ? `,${item(i)}` : item(i);
      if (used + text.length > CHUNK) {
        yield buf.subarray(0, used);
        buf = Buffer.allocUnsafe(Math.max(CHUNK, text.length));
        used = 0;
      }
      used += buf.write(text, used, 'latin1');
    }
    if (used > 0) yield buf.subarray(0, used);
    const rest = JSON.stringify(tail);
    yield rest === '{}' ? ']}' : `],${rest.slice(1)}`;
  });
}
