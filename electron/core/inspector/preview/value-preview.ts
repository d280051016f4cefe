/**
 * One key's value, first 1 KB, read again from the backup on explicit request and never kept. The reader
 * builds nothing by default; this asks it, through the optional `preview` read option, for the first bytes
 * (strings) or first elements (collections) of the one key named, and stops reading once that key went by.
 * The reader gives no preview for module values (nor would a reader without the option): the answer then
 * says the preview is not available instead of guessing.
 */
import { AppError } from '../../../../shared/errors';
import { escapeKey, isUtf8, reprBytes } from '../../../../shared/escape-key';
import type { ValuePreview } from '../../../../shared/inspector';
import { isAbort, readBackup } from '../files/read-backup';
import { sameBytes } from '../find/glob-match';
import type { RdbKeyEntry, RdbReadOptions, RdbValuePreview, ReadRdb } from '../rdb/rdb-types';

export const PREVIEW_BYTES = 1024;

export type { RdbValuePreview };

/** Value text for display: UTF-8 as is, anything else in redis-cli's quoted form. */
function valueText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? new TextDecoder().decode(bytes) : reprBytes(bytes);
}

/**
 * The bytes without a UTF-8 sequence the cut left incomplete at their end, so text cut at 1 KB still shows
 * as text. Only a well-formed start of a sequence is dropped; anything else is left for valueText to judge.
 */
export function dropCutSequence(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/**
 * Bytes as shown: cut at PREVIEW_BYTES (saying so), and without the incomplete character a cut left at the
 * end, when one was made here or may have been made by the reader (`mayBeCut`, a piece of full length).
 */
function shown(bytes: Uint8Array, mayBeCut: boolean): { text: string; cut: boolean } {
  const over = bytes.length > PREVIEW_BYTES;
  let b = over ? bytes.subarray(0, PREVIEW_BYTES) : bytes;
  if (over || (mayBeCut && b.length === PREVIEW_BYTES)) b = dropCutSequence(b);
  return { text: valueText(b), cut: over };
}

/**
 * What the panel shows. The reader already kept at most the preview's size, in whole groups (a field with
 * its value); this only cuts an element a reader handed back longer, and turns bytes into safe text.
 */
export function toPreview(entry: RdbKeyEntry, preview: RdbValuePreview): ValuePreview {
  const base = { db: entry.db, key: escapeKey(entry.key), type: entry.type, truncated: preview.truncated };
  if (preview.bytes) {
    const text = shown(preview.bytes, preview.truncated);
    return { ...base, text: text.text, truncated: text.cut || base.truncated };
  }
  let truncated = base.truncated;
  const items = (preview.items ?? []).map((item) => {
    const text = shown(item, preview.truncated);
    if (text.cut) truncated = true;
    return text.text;
  });
  return { ...base, items, truncated };
}

export async function previewValue(
  readRdb: ReadRdb,
  paths: readonly string[],
  target: { db: number; key: Uint8Array },
  signal?: AbortSignal,
): Promise<ValuePreview> {
  const found = new AbortController();
  const relay = () => found.abort();
  signal?.addEventListener('abort', relay, { once: true });
  let result: ValuePreview | null = null;
  let refusal: AppError | null = null;
  const options: RdbReadOptions = {
    signal: found.signal,
    preview: { ...target, maxBytes: PREVIEW_BYTES },
  };
  const reader: ReadRdb = (source, onKey) => readRdb(source, onKey, options);
  try {
    await readBackup(paths, reader, {
      startFile: () => undefined,
      endFile: () => undefined,
      onKey: (entry: RdbKeyEntry) => {
        if (result || refusal || entry.db !== target.db || !sameBytes(entry.key, target.key)) return;
        if (entry.preview) result = toPreview(entry, entry.preview);
        else refusal = new AppError('INSPECT_PREVIEW_UNAVAILABLE');
        found.abort();
      },
    });
  } catch (error) {
    if (signal?.aborted) throw new AppError('INSPECT_CANCELLED');
    if (!(isAbort(error) && (result || refusal))) throw error;
  } finally {
    signal?.removeEventListener('abort', relay);
  }
  if (refusal) throw refusal;
  if (!result) throw new AppError('INSPECT_KEY_NOT_FOUND');
  return result;
}
