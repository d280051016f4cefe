/**
 * Redis's glob matcher over bytes, so `--find 'user:42:*'` selects exactly the keys `SCAN MATCH` and `KEYS`
 * would: `*`, `?`, `[abc]`, `[^a]`, `[a-z]` (reversed ranges allowed), `\` escapes, an unterminated `[` read
 * as a literal class up to the end. Ported from redis `src/util.c` `stringmatchlen_impl` (case-sensitive,
 * nocase = 0), including its early stop (`skipLongerMatches`) and its nesting limit of 1000.
 *
 * Where the C code reads one byte past the pattern (the sds terminator), this reads 0. Range bounds compare as
 * C `char`, which is signed on x86 and x86-64 (where CRS runs): bytes 0x80–0xff sort below 0x00–0x7f.
 */

const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const BACKSLASH = 0x5c;

const signed = (b: number) => (b >= 0x80 ? b - 0x100 : b);

interface State {
  skipLongerMatches: boolean;
}

function match(p: Uint8Array, pi: number, s: Uint8Array, si: number, state: State, nesting: number): boolean {
  if (nesting > 1000) return false;
  const at = (i: number) => (i < p.length ? (p[i] as number) : 0);
  let patternLen = p.length - pi;
  let stringLen = s.length - si;
  while (patternLen > 0 && stringLen > 0) {
    switch (at(pi)) {
      case STAR: {
        while (patternLen > 0 && at(pi + 1) === STAR) {
          pi++;
          patternLen--;
        }
        if (patternLen === 1) return true;
        while (stringLen > 0) {
          if (match(p, pi + 1, s, si, state, nesting + 1)) return true;
          if (state.skipLongerMatches) return false;
          si++;
          stringLen--;
        }
        // No match for the rest of the pattern from anywhere in the rest of the string: an earlier `*`
        // matching more could not help either.
        state.skipLongerMatches = true;
        return false;
      }
      case QUESTION:
        si++;
        stringLen--;
        break;
      case OPEN: {
        pi++;
        patternLen--;
        const not = at(pi) === CARET;
        if (not) {
          pi++;
          patternLen--;
        }
        let matched = false;
        const c = s[si] as number;
        for (;;) {
          if (at(pi) === BACKSLASH && patternLen >= 2) {
            pi++;
            patternLen--;
            if (at(pi) === c) matched = true;
          } else if (at(pi) === CLOSE) {
            break;
          } else if (patternLen === 0) {
            pi--;
            patternLen++;
            break;
          } else if (patternLen >= 3 && at(pi + 1) === DASH) {
            let start = signed(at(pi));
            let end = signed(at(pi + 2));
            if (start > end) [start, end] = [end, start];
            pi += 2;
            patternLen -= 2;
            const sc = signed(c);
            if (sc >= start && sc <= end) matched = true;
          } else if (at(pi) === c) {
            matched = true;
          }
          pi++;
          patternLen--;
        }
        if (not) matched = !matched;
        if (!matched) return false;
        si++;
        stringLen--;
        break;
      }
      case BACKSLASH:
        if (patternLen >= 2) {
          pi++;
          patternLen--;
        }
        if (at(pi) !== s[si]) return false;
        si++;
        stringLen--;
        break;
      default:
        if (at(pi) !== s[si]) return false;
        si++;
        stringLen--;
        break;
    }
    pi++;
    patternLen--;
    if (stringLen === 0) {
      while (at(pi) === STAR) {
        pi++;
        patternLen--;
      }
      break;
    }
  }
  return patternLen === 0 && stringLen === 0;
}

/** Whether `key` matches the glob `pattern` (both as bytes), as redis `stringmatchlen(…, nocase = 0)`. */
export function globMatch(pattern: Uint8Array, key: Uint8Array): boolean {
  return match(pattern, 0, key, 0, { skipLongerMatches: false }, 0);
}

/**
 * A matcher for one pattern over millions of keys: a pattern without special bytes is an exact comparison,
 * `prefix*` (no other special byte) a prefix comparison; anything else runs the full matcher. `*` alone thus
 * matches every key, the empty one too, as KEYS and SCAN special-case it (redis `src/db.c`: keysCommand
 * `allkeys`, scanGenericCommand `use_pattern`), where the bare matcher would refuse an empty key.
 */
export function compileGlob(pattern: Uint8Array): (key: Uint8Array) => boolean {
  const special = (b: number) => b === STAR || b === QUESTION || b === OPEN || b === BACKSLASH;
  const firstSpecial = pattern.findIndex(special);
  if (firstSpecial === -1) return (key) => sameBytes(key, pattern);
  if (firstSpecial === pattern.length - 1 && pattern[firstSpecial] === STAR) {
    const prefix = pattern.subarray(0, firstSpecial);
    return (key) => key.length >= prefix.length && sameBytes(key.subarray(0, prefix.length), prefix);
  }
  return (key) => globMatch(pattern, key);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
