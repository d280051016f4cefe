import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { API3_ENGINE_RULES, engineRule, LEGACY_ENGINE_RULES } from '../../../shared/engine-rules';
import { restoreRule } from '../../../shared/restore-rules';

/** The Type codes listed in the official model's InstanceSet.Type comment, read from the installed SDK. */
function sdkTypeCodes(): number[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve(
    'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models.d.ts',
  );
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('export interface InstanceSet {'));
  const comment = body.slice(0, body.indexOf('Type?: number;'));
  const last = comment.slice(comment.lastIndexOf('/**'));
  return [...last.matchAll(/<li>(\d+)：/g)].map((m) => Number(m[1]));
}

describe('engine rules', () => {
  it('cover exactly the Type codes of the official models', () => {
    const codes = sdkTypeCodes();
    expect(codes.length).toBeGreaterThan(10);
    expect(
      Object.keys(API3_ENGINE_RULES)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...codes].sort((a, b) => a - b));
  });

  // Every row, one by one, against what Tencent's restore page says (engine-rules.ts cites it).
  const expected: Record<number, [engine: string, semantics: string, basis: string]> = {
    2: ['Redis 2.8', 'overwrite-in-place', 'documented'],
    3: ['CKV 3.2', 'overwrite-in-place', 'documented'],
    4: ['CKV 3.2', 'overwrite-in-place', 'documented'],
    5: ['Redis 2.8', 'overwrite-in-place', 'documented'],
    6: ['Redis 4.0', 'clone-and-swap', 'documented'],
    7: ['Redis 4.0', 'clone-and-swap', 'documented'],
    8: ['Redis 5.0', 'clone-and-swap', 'documented'],
    9: ['Redis 5.0', 'clone-and-swap', 'documented'],
    15: ['Redis 6.2', 'clone-and-swap', 'documented'],
    16: ['Redis 6.2', 'clone-and-swap', 'documented'],
    17: ['Redis 7.0', 'clone-and-swap', 'documented'],
    18: ['Redis 7.0', 'clone-and-swap', 'documented'],
    19: ['Valkey 8.0', 'overwrite-in-place', 'assumed-worst'],
    20: ['Valkey 8.0', 'overwrite-in-place', 'assumed-worst'],
    21: ['Valkey 8.0', 'overwrite-in-place', 'assumed-worst'],
    22: ['Valkey 8.0', 'overwrite-in-place', 'assumed-worst'],
    200: ['Memcached 1.6', 'overwrite-in-place', 'assumed-worst'],
  };
  for (const [code, [engine, semantics, basis]] of Object.entries(expected)) {
    it(`API 3.0 Type ${code}: ${engine}, ${semantics} (${basis})`, () => {
      const rule = engineRule('v3', Number(code));
      expect([rule.engine, rule.semantics, rule.basis]).toEqual([engine, semantics, basis]);
    });
  }

  it('only documented Redis versions other than 2.8 are ever described as clone-and-swap', () => {
    for (const rule of Object.values(API3_ENGINE_RULES)) {
      if (rule.semantics === 'clone-and-swap') {
        expect(rule.basis).toBe('documented');
        expect(rule.engine).toMatch(/^Redis (4\.0|5\.0|6\.2|7\.0)$/);
      }
    }
  });

  it('every legacy row, known or not, takes the worst case: the legacy listing names no version', () => {
    for (const typeId of [...Object.keys(LEGACY_ENGINE_RULES).map(Number), 0, 3, 99]) {
      const rule = engineRule('legacy-v2', typeId);
      expect(rule).toMatchObject({ semantics: 'overwrite-in-place', basis: 'assumed-worst' });
    }
    expect(engineRule('legacy-v2', 1).architecture).toBe('cluster');
    expect(engineRule('legacy-v2', 2).architecture).toBe('standard');
  });

  it('an unknown code is the worst case and is not called Redis', () => {
    for (const code of [0, 1, 10, 23, 201, -1, Number.NaN]) {
      const rule = engineRule('v3', code);
      expect(rule).toMatchObject({ semantics: 'overwrite-in-place', basis: 'assumed-worst' });
      expect(rule.engine).not.toMatch(/Redis/);
    }
    // Inherited keys of the table object are not rows.
    expect(engineRule('v3', 'constructor' as unknown as number).basis).toBe('assumed-worst');
  });

  it('an instance the app could not load gets the worst case', () => {
    expect(restoreRule(undefined)).toMatchObject({ semantics: 'overwrite-in-place', basis: 'assumed-worst' });
    expect(restoreRule({ generation: 'v3', typeId: 15 }).semantics).toBe('clone-and-swap');
  });
});
