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
  keys: number;
  bytes: number;
  otherKeys: number;
  otherBytes: number;
  children: Map<string, Node> | null;
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

const newNode = (): Node => ({ keys: 0, bytes: 0, otherKeys: 0, otherBytes: 0, children: null });

/** Latin-1 text of bytes: one char per byte, a cheap exact map key; turned back into bytes for display. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
}

export class PrefixTree {
  readonly #root = newNode();
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
    for (let i = 0; i < key.length && depth < this.#maxDepth; i++) {
      if (this.#isSeparator[key[i] as number] === 0) continue;
      const segment = latin1(key, start, i + 1);
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) {
        if (node.children.size >= this.#perNodeCap || this.#nodes >= this.#maxNodes) {
          node.otherKeys += 1;
          node.otherBytes += bytes;
          this.#capped = true;
          depth += 1;
          break;
        }
        child = newNode();
        node.children.set(segment, child);
        this.#nodes += 1;
      }
      child.keys += 1;
      child.bytes += bytes;
      node = child;
      start = i + 1;
      depth += 1;
    }
    if (depth === 0) {
      this.#unprefixedKeys += 1;
      this.#unprefixedBytes += bytes;
    }
    // Keys deeper than maxDepth stop at the deepest node: their counts are in it, with no deeper line.
  }

  result(): PrefixTreeResult {
    const nodes: PrefixNode[] = [];
    const walk = (node: Node, path: string, depth: number) => {
      if (!node.children) return;
      const children = [...node.children].sort(
        ([a, x], [b, y]) => y.bytes - x.bytes || (a < b ? -1 : a > b ? 1 : 0),
      );
      for (const [segment, child] of children) {
        const prefix = path + segment;
        nodes.push({
          prefix: escapeKey(Uint8Array.from(prefix, (c) => c.charCodeAt(0))),
          depth,
          keys: child.keys,
          bytes: child.bytes,
          otherKeys: child.otherKeys,
          otherBytes: child.otherBytes,
        });
        walk(child, prefix, depth + 1);
      }
    };
    walk(this.#root, '', 1);
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
