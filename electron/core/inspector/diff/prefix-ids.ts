/** First-level key prefixes of a diff, numbered without building a string per key. */
import { escapeKey } from '../../../../shared/escape-key';

export const NONE = 0;
export const OTHER = 1;

function samePrefix(prefix: Uint8Array, key: Uint8Array, end: number): boolean {
  if (prefix.length !== end) return false;
  for (let i = 0; i < end; i++) if (prefix[i] !== key[i]) return false;
  return true;
}

/** First-level prefix ids: 0 none, 1 other, 2… in order of first sight, up to the cap. */
export class PrefixIds {
  readonly names: string[] = ['(none)', '(other)'];
  /**
   * An open-addressing table by a 32-bit hash of the prefix bytes, then by bytes: no string per key, and
   * no Map keyed by numbers that are not small integers (each lookup would hash a boxed number).
   */
  readonly #slots: Int32Array;
  readonly #hashes: Int32Array;
  readonly #mask: number;
  readonly #bytes: Uint8Array[] = [];
  readonly #isSeparator = new Uint8Array(256);
  readonly #max: number;

  constructor(separators: string, max: number) {
    for (const ch of separators) this.#isSeparator[ch.charCodeAt(0) & 0xff] = 1;
    this.#max = capOf(max);
    // At most half full.
    let size = 16;
    while (size < 2 * (this.#max + 2)) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#hashes = new Int32Array(size);
    this.#mask = size - 1;
  }

  of(key: Uint8Array): number {
    let hash = 0x811c9dc5;
    let end = -1;
    for (let i = 0; i < key.length; i++) {
      const b = key[i] as number;
      hash = Math.imul(hash ^ b, 0x01000193);
      if (this.#isSeparator[b] === 1) {
        end = i + 1;
        break;
      }
    }
    if (end === -1) return NONE;
    const slots = this.#slots;
    let slot = hash & this.#mask;
    for (;;) {
      const id = slots[slot] as number;
      if (id === -1) break;
      if (this.#hashes[slot] === hash && samePrefix(this.#bytes[id] as Uint8Array, key, end)) return id;
      slot = (slot + 1) & this.#mask;
    }
    if (this.names.length - 2 >= this.#max) return OTHER;
    const bytes = key.slice(0, end);
    const id = this.names.length;
    this.names.push(escapeKey(bytes));
    this.#bytes[id] = bytes;
    slots[slot] = id;
    this.#hashes[slot] = hash;
    return id;
  }
}

export function capOf(max: number): number {
  return Math.min(max, 0xfffd);
}

/**
 * The prefix names of the two backups in one numbering, as if one PrefixIds had seen the base and then the
 * other: the base keeps its ids, and the other's new prefixes get ids in its order of first sight while the
 * cap allows. Each side numbered its own prefixes up to the same cap, which holds every prefix the joint
 * numbering would name (the j-th new prefix of the other comes at most |base| places later in its own list).
 * Answers the joint names and, for each of the other's ids, its joint id.
 */
export function joinPrefixes(
  base: readonly string[],
  other: readonly string[],
  max: number,
): { names: string[]; otherIds: Int32Array } {
  const names = base.slice();
  const index = new Map<string, number>();
  for (let id = 2; id < names.length; id++) index.set(names[id] as string, id);
  const otherIds = new Int32Array(other.length);
  otherIds[NONE] = NONE;
  otherIds[OTHER] = OTHER;
  const cap = capOf(max);
  for (let id = 2; id < other.length; id++) {
    const name = other[id] as string;
    let joint = index.get(name);
    if (joint === undefined) {
      if (names.length - 2 >= cap) joint = OTHER;
      else {
        joint = names.length;
        names.push(name);
        index.set(name, joint);
      }
    }
    otherIds[id] = joint;
  }
  return { names, otherIds };
}
