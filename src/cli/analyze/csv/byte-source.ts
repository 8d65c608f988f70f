/** Where the CSV reader's bytes come from: a file read in chunks, or bytes in memory (tests). */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ByteSource {
  /** Like fs.readSync: bytes read into `into` at `offset`, 0 at the end. */
  read(into: Uint8Array, offset: number, length: number): number;
  /** Total size when known, to size the output arrays once. */
  size?: number;
  close?(): void;
}

export function fileSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  return {
    size: fstatSync(fd).size,
    read: (into, offset, length) => readSync(fd, into, offset, length, null),
    close: () => closeSync(fd),
  };
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  let pos = 0;
  return {
    size: bytes.length,
    read(into, offset, length) {
      const n = Math.min(length, bytes.length - pos);
      into.set(bytes.subarray(pos, pos + n), offset);
      pos += n;
      return n;
    },
  };
}
