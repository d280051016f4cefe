/// <reference types="node" />
/**
 * i18n completeness: both languages have exactly the same keys, no empty string, the same interpolation
 * variables, and every key the renderer's source asks for literally exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of flatten(child, path)) out.set(k, v);
  }
  return out;
}

const enKeys = flatten(en);
const zhKeys = flatten(zhCN);
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

describe('translations', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(enKeys.size).toBeGreaterThan(200);
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it.each([...enKeys.keys()])('%s is non-empty and uses the same variables in both languages', (key) => {
    const a = enKeys.get(key) ?? '';
    const b = zhKeys.get(key) ?? '';
    expect(a.trim()).not.toBe('');
    expect(b.trim()).not.toBe('');
    expect(vars(b)).toEqual(vars(a));
  });

  it('defines every literal key the renderer uses', () => {
    const root = join(import.meta.dirname, '../../../renderer/src');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.-]+)'/g)) if (m[1]) used.add(m[1]);
      for (const m of text.matchAll(/titleKey: '([a-zA-Z]+\.[\w.-]+)'/g)) if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    // i18next plural keys live as key_one / key_other.
    const missing = [...used].filter((k) => !enKeys.has(k) && !enKeys.has(`${k}_other`));
    expect(missing).toEqual([]);
  });

  it('covers every dynamic key family the renderer builds from domain values', async () => {
    const { InstanceStatusSchema, BackupStatusSchema, NotRestorableReasonSchema } = await import(
      '../../../shared/domain'
    );
    const { RestoreStatusSchema, RestorePhaseSchema, PreflightCheckSchema } = await import(
      '../../../shared/tasks'
    );
    const { AuditActionSchema, AuditOutcomeSchema } = await import('../../../shared/audit');
    const { EnvironmentTagSchema } = await import('../../../shared/profiles');
    const families: Array<[string, readonly string[]]> = [
      ['status', InstanceStatusSchema.options],
      ['backupStatus', BackupStatusSchema.options],
      ['notRestorable', NotRestorableReasonSchema.options],
      ['taskStatus', RestoreStatusSchema.options],
      ['phase', RestorePhaseSchema.options],
      ['check', PreflightCheckSchema.shape.id.options],
      ['action', AuditActionSchema.options],
      ['outcome', AuditOutcomeSchema.options],
      ['env', EnvironmentTagSchema.options],
      ['col', ['name', 'id', 'region', 'zone', 'engine', 'size', 'status', 'tags', 'project', 'environment']],
      ['restore.gate', ['preflight', 'password', 'typed', 'stale', 'unknown', 'incomplete']],
      ['notice', ['info', 'warning', 'error']],
    ];
    const missing = families.flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((k) => !enKeys.has(k)),
    );
    expect(missing).toEqual([]);
  });
});
