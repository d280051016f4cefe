/**
 * A stand-in for the streaming RDB reader in unit tests: entries listed by hand, handed to `onKey` in order,
 * then a summary, exactly as the real reader's interface (rdb-types.ts) promises. Files are JSON lines in
 * tests that need paths.
 */
import type { RdbKeyEntry, RdbSummary, ReadRdb } from '../../electron/core/inspector/rdb/rdb-types';

export type FakeEntry = Partial<Omit<RdbKeyEntry, 'key'>> & { key: string | Uint8Array };

export function entry(e: FakeEntry): RdbKeyEntry {
  return {
    db: 0,
    type: 'string',
    encoding: 'raw',
    expireAtMs: null,
    elements: 1,
    bytes: 10,
    ...e,
    key: typeof e.key === 'string' ? new TextEncoder().encode(e.key) : e.key,
  };
}

export function summary(keys: number, extra: Partial<RdbSummary> = {}): RdbSummary {
  return {
    rdbVersion: 10,
    aux: { 'redis-ver': '7.0.15' },
    checksum: 'ok',
    bytesRead: 1000,
    keys,
    resizeDb: {},
    functions: 0,
    moduleAux: [],
    ...extra,
  };
}

/** Feeds the entries to a callback and answers the summary, like a reader over one whole file. */
export function feed(entries: readonly FakeEntry[], onKey: (e: RdbKeyEntry) => void): RdbSummary {
  for (const e of entries) onKey(entry(e));
  return summary(entries.length);
}

/**
 * A fake `ReadRdb` over files named in `files`: the source's bytes are ignored, the file is chosen by the
 * first chunk's text (the tests write the file's name into it). `valueHash` comes from the entry when given.
 */
export function fakeReader(files: Record<string, readonly FakeEntry[]>): ReadRdb {
  return async (source, onKey, options) => {
    let text = '';
    for await (const chunk of source) text += new TextDecoder().decode(chunk);
    const entries = files[text.trim()];
    if (!entries) throw new Error(`fake reader: no file named ${text.trim()}`);
    for (const e of entries) {
      if (options?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const full = entry(e);
      if (!options?.hashValues) delete full.valueHash;
      onKey(full);
    }
    return summary(entries.length, { bytesRead: text.length });
  };
}
