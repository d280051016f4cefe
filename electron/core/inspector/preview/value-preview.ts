/**
 * One key's value, first 1 KB, read again from the backup on explicit request and never kept. The reader
 * builds nothing by default; this asks it, through the optional `preview` read option, for the first bytes
 * (strings) or first elements (collections) of the one key named, and stops reading once that key went by.
 * A reader without that capability leaves `entry.preview` unset: the answer then says the preview is not
 * available instead of guessing.
 */
import { AppError } from '../../../../shared/errors';
import { escapeKey, isUtf8, reprBytes } from '../../../../shared/escape-key';
import type { ValuePreview } from '../../../../shared/inspector';
import { isAbort, readBackup } from '../files/read-backup';
import { sameBytes } from '../find/glob-match';
import type { RdbKeyEntry, RdbReadOptions, ReadRdb } from '../rdb/rdb-types';

export const PREVIEW_BYTES = 1024;

/** What a previewing reader hands back for the key asked for. */
export interface RdbValuePreview {
  /** Strings: the first bytes of the value. */
  bytes?: Uint8Array;
  /** Collections: the first elements (members, fields and values in turn, list items…), as stored. */
  items?: Uint8Array[];
  /** True when the value holds more than what was handed back. */
  truncated: boolean;
}

export type PreviewReadOptions = RdbReadOptions & {
  preview?: { db: number; key: Uint8Array; maxBytes: number };
};

type PreviewEntry = RdbKeyEntry & { preview?: RdbValuePreview };

/** Value text for display: UTF-8 as is, anything else in redis-cli's quoted form. */
function valueText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? new TextDecoder().decode(bytes) : reprBytes(bytes);
}

export function toPreview(entry: PreviewEntry, preview: RdbValuePreview): ValuePreview {
  const base = { db: entry.db, key: escapeKey(entry.key), type: entry.type, truncated: preview.truncated };
  if (preview.bytes) {
    const cut = preview.bytes.length > PREVIEW_BYTES;
    return {
      ...base,
      text: valueText(preview.bytes.subarray(0, PREVIEW_BYTES)),
      truncated: cut || base.truncated,
    };
  }
  const items: string[] = [];
  let used = 0;
  let cut = false;
  for (const item of preview.items ?? []) {
    if (used + item.length > PREVIEW_BYTES && items.length > 0) {
      cut = true;
      break;
    }
    items.push(valueText(item.subarray(0, PREVIEW_BYTES)));
    used += item.length;
  }
  return { ...base, items, truncated: cut || base.truncated };
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
  const options: PreviewReadOptions = {
    signal: found.signal,
    preview: { ...target, maxBytes: PREVIEW_BYTES },
  };
  const reader: ReadRdb = (source, onKey) => readRdb(source, onKey, options);
  try {
    await readBackup(paths, reader, {
      startFile: () => undefined,
      endFile: () => undefined,
      onKey: (entry: PreviewEntry) => {
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
