/**
 * No value-level import cycles: a cycle makes module start-up order matter (a `const` read before it is set) and
 * ties layers together. Type-only imports are erased by the compiler, so they do not count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const folders = ['shared', 'electron', 'sandbox', 'renderer/src'];

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(join(root, dir));
  return out;
}

/** True when an import or export clause names only types (`type A, type B`), so nothing is loaded at run time. */
function allTypes(clause: string): boolean {
  const inner = /\{([^}]*)\}/.exec(clause);
  if (!inner || /^\s*[\w$]+\s*,/.test(clause) || /\*/.test(clause)) return false;
  const names = (inner[1] as string)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return names.length > 0 && names.every((name) => /^type\s/.test(name));
}

/** The relative specifiers a file loads at run time: static imports, re-exports and dynamic imports. */
function valueImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"])\/\/.*$/gm, '$1');
  const found = new Set<string>();
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    if (m[2] || allTypes(m[3] as string)) continue;
    found.add(m[4] as string);
  }
  for (const m of code.matchAll(/\bimport\s*(?:\(\s*)?['"]([^'"]+)['"]/g)) found.add(m[1] as string);
  return [...found].filter((spec) => spec.startsWith('.'));
}

/** Resolves a relative specifier the way the bundlers do: as written, `.js` meaning `.ts`, then .ts/.tsx/index. */
function resolve(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => /\.tsx?$/.test(path) && existsSync(path) && statSync(path).isFile());
}

/** Every cycle found by a depth-first walk, each as the files in order (relative to the repository). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap(sources)) {
    const targets = valueImports(readFileSync(file, 'utf8'))
      .map((spec) => resolve(file, spec))
      .filter((path): path is string => path !== undefined);
    graph.set(
      relative(root, file),
      targets.map((path) => relative(root, path)),
    );
  }
  return graph;
}

describe('import cycles', () => {
  it('reads value imports and skips type-only ones', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
      "import { z } from 'zod';",
      "// import { x } from './commented';",
    ].join('\n');
    expect(valueImports(text).sort()).toEqual(['./d', './f', './lazy', './side-effect']);
  });

  it('finds a planted cycle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('resolves the imports it reads', () => {
    // A resolver that silently dropped everything would find no cycles; most files import a sibling.
    const edges = [...importGraph().values()].reduce((sum, list) => sum + list.length, 0);
    expect(edges).toBeGreaterThan(100);
  });

  it('shared/, electron/, sandbox/ and renderer/src/ have no value-level import cycle', () => {
    expect(findCycles(importGraph()).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});
