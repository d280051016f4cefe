/**
 * Tencent's own response examples, kept verbatim under tests/fixtures/official/ (sources and commits in its
 * README): read as text and served by the fake fetch exactly as stored, tabs and string-typed numbers included.
 */
import { readFileSync } from 'node:fs';
import type { FetchResponseLike } from '../../../../electron/core/cloud/crs-api';
import { textReply } from './fakes';

const ROOT = new URL('../../../fixtures/official/', import.meta.url);

/** The stored text of `api3/<name>.json` or `legacy/<name>.json`. */
export function officialText(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

/** An HTTP 200 reply whose body is the stored example, byte for byte. */
export function officialReply(path: string): FetchResponseLike {
  return textReply(officialText(path));
}
