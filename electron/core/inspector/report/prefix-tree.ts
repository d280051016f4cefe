/**
 * Keys and bytes per key prefix (`user:`, `user:42:`…), in bounded memory whatever the key count. A prefix
 * ends at any separator byte. Each node's counts are exact: a node is created the first time its prefix is
 * seen, so it sees every key under it; when a level already has `perNodeCap` children (or the tree holds
 * `maxNodes`), further distinct segments are not given nodes but counted in the parent's `other` figures.
 * Id-like levels (`user:<id>:`) thus fold into one `other` line instead of eating the whole budget.
 */
import { escapeKey } from '../../../../shared/escape-key';
import type { PrefixNode } from '../../../../shared/inspector';

interface Node {
  /** The segment's bytes (with its separator); empty for the root. */
  segment: Uint8Array;
  keys: number;
  bytes: number;
  otherKeys: number;
  otherBytes: number;
  /** Children by a 32-bit hash of their segment: a key costs no string and no copy to find its nodes. */
  children: Map<number, Node[]> | null;
  childCount: number;
}

export interface PrefixTreeOptions {
  separators: string;
  maxDepth?: number;
  perNodeCap?: number;
  maxNodes?: number;
}

export interface PrefixTreeResult {
  nodes: PrefixNode[];
  unprefixedKeys: number;
  unprefixedBytes: number;
  otherKeys: number;
  otherBytes: number;
  capped: boolean;
  maxDepth: number;
}

const newNode = (segment: Uint8Array): Node => ({
  segment,
  keys: 0,
  bytes: 0,
  otherKeys: 0,
  otherBytes: 0,
  children: null,
  childCount: 0,
});

function sameRange(a: Uint8Array, key: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== key[start + i]) return false;
  return true;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

export class PrefixTree {
  readonly #root = newNode(new Uint8Array(0));
  readonly #isSeparator = new Uint8Array(256);
  readonly #maxDepth: number;
  readonly #perNodeCap: number;
  readonly #maxNodes: number;
  readonly #separators: string;
  #nodes = 0;
  #capped = false;
  #unprefixedKeys = 0;
  #unprefixedBytes = 0;

  constructor(options: PrefixTreeOptions) {
    for (const ch of options.separators) this.#isSeparator[ch.charCodeAt(0) & 0xff] = 1;
    this.#separators = options.separators;
    this.#maxDepth = options.maxDepth ?? 4;
    this.#perNodeCap = options.perNodeCap ?? 256;
    this.#maxNodes = options.maxNodes ?? 10_000;
  }

  add(key: Uint8Array, bytes: number): void {
    let node = this.#root;
    let start = 0;
    let depth = 0;
    // FNV-1a over the current segment, computed while looking for its separator.
    let hash = 0x811c9dc5;
    const isSeparator = this.#isSeparator;
    for (let i = 0; i < key.length && depth < this.#maxDepth; i++) {
      const b = key[i] as number;
      hash = Math.imul(hash ^ b, 0x01000193);
      if (isSeparator[b] === 0) continue;
      node.children ??= new Map();
      const bucket = node.children.get(hash);
      let child: Node | undefined;
      if (bucket) {
        for (const c of bucket) {
          if (sameRange(c.segment, key, start, i + 1)) {
            child = c;
            break;
          }
        }
      }
      if (child === undefined) {
        if (node.childCount >= this.#perNodeCap || this.#nodes >= this.#maxNodes) {
          node.otherKeys += 1;
          node.otherBytes += bytes;
          this.#capped = true;
          depth += 1;
          break;
        }
        child = newNode(key.slice(start, i + 1));
        if (bucket) bucket.push(child);
        else node.children.set(hash, [child]);
        node.childCount += 1;
        this.#nodes += 1;
      }
      child.keys += 1;
      child.bytes += bytes;
      node = child;
      start = i + 1;
      depth += 1;
      hash = 0x811c9dc5;
    }
    if (depth === 0) {
      this.#unprefixedKeys += 1;
      this.#unprefixedBytes += bytes;
    }
    // Keys deeper than maxDepth stop at the deepest node: their counts are in it, with no deeper line.
  }

  result(): PrefixTreeResult {
    const nodes: PrefixNode[] = [];
    const walk = (node: Node, path: Uint8Array, depth: number) => {
      if (!node.children) return;
      const children = [...node.children.values()]
        .flat()
        .sort((x, y) => y.bytes - x.bytes || compareBytes(x.segment, y.segment));
      for (const child of children) {
        const prefix = new Uint8Array(path.length + child.segment.length);
        prefix.set(path);
        prefix.set(child.segment, path.length);
        nodes.push({
          prefix: escapeKey(prefix),
          depth,
          keys: child.keys,
          bytes: child.bytes,
          otherKeys: child.otherKeys,
          otherBytes: child.otherBytes,
        });
        walk(child, prefix, depth + 1);
      }
    };
    walk(this.#root, new Uint8Array(0), 1);
    return {
      nodes,
      unprefixedKeys: this.#unprefixedKeys,
      unprefixedBytes: this.#unprefixedBytes,
      otherKeys: this.#root.otherKeys,
      otherBytes: this.#root.otherBytes,
      capped: this.#capped,
      maxDepth: this.#maxDepth,
    };
  }

  get separators(): string {
    return this.#separators;
  }
}
