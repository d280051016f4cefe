/**
 * The report's prefix list (depth first, each node with its depth) as a tree for the prefix view: each node
 * labelled by what it adds to its parent, keys a prefix holds that no longer prefix lists as “(other keys)”
 * (at the top: keys whose first-level prefix is not listed), and keys without any separator as “(no prefix)”.
 */
import type { InspectionReport } from '../../../../shared/inspector';
import type { PrefixNode } from './prefix-tree';

type Tree = InspectionReport['prefixTree'];

interface Building {
  id: string;
  label: string;
  keys: number;
  bytes: number;
  children: Building[];
}

export function prefixTree(tree: Tree, labels: { other: string; none: string }): PrefixNode[] {
  const roots: Building[] = [];
  const stack: Building[] = [];
  const others: Array<[Building, number, number]> = [];
  for (const node of tree.nodes) {
    // Depth first: the parent of a node at depth d is the last node seen at depth d - 1.
    stack.length = Math.min(stack.length, node.depth - 1);
    const parent = stack.at(-1);
    const label =
      parent && node.prefix.startsWith(parent.id) ? node.prefix.slice(parent.id.length) : node.prefix;
    const built: Building = { id: node.prefix, label, keys: node.keys, bytes: node.bytes, children: [] };
    (parent ? parent.children : roots).push(built);
    stack.push(built);
    if (node.otherKeys > 0) others.push([built, node.otherKeys, node.otherBytes]);
  }
  // “Other” rows go last among their siblings, after the listed prefixes; a prefix with no longer prefix
  // listed under it would only repeat its own figures.
  for (const [node, keys, bytes] of others) {
    if (node.children.length === 0) continue;
    node.children.push({ id: `${node.id}\u0000other`, label: labels.other, keys, bytes, children: [] });
  }
  // Keys whose first-level prefix has no node of its own (the first level reached its cap).
  if (tree.otherKeys > 0) {
    roots.push({
      id: '\u0000other',
      label: labels.other,
      keys: tree.otherKeys,
      bytes: tree.otherBytes,
      children: [],
    });
  }
  if (tree.unprefixedKeys > 0) {
    roots.push({
      id: '\u0000none',
      label: labels.none,
      keys: tree.unprefixedKeys,
      bytes: tree.unprefixedBytes,
      children: [],
    });
  }
  return roots;
}
