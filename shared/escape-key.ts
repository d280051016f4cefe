/**
 * How a Redis key (any bytes) is shown: as text when its bytes are valid UTF-8 that hides nothing, otherwise
 * quoted and escaped the way redis-cli prints binary strings. One function for main, the command line (its
 * tables and its `--json`) and the renderer, so a key reads the same everywhere.
 */
import { hidesText } from './visible-text';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * redis `src/sds.c` `sdscatrepr`: a double-quoted string where `\` and `"` are backslash-escaped, `\n \r \t
 * \a \b` use their C escapes, printable ASCII (isprint: 0x20–0x7e) stays as is, and every other byte is
 * `\xHH` (two lower-case hex digits).
 */
export function reprBytes(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    switch (b) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}

/** Whether the bytes are valid UTF-8 (overlong forms and lone surrogates count as invalid). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A key as the app shows it: the decoded text when the bytes are valid UTF-8 without a character that can
 * hide text (shared/visible-text.ts: controls C0 and C1, bidi overrides and isolates, zero-width and other
 * format characters, line separators), else redis-cli's quoted form (`"\xff\xfeuser"`, `"\xe2\x80\xae…"`).
 * So a key can never break a line of the command line's table, reach a terminal as a raw control or bidi
 * character (Trojan Source), or read as another key in the window; and `keyBytes` reads the quoted form back
 * to the same bytes, so such a key can still be searched for.
 */
export function escapeKey(bytes: Uint8Array): string {
  // A text key that starts with a quote would read like an escaped one: quote it too.
  if (bytes[0] === 0x22) return reprBytes(bytes);
  let plainAscii = true;
  for (const b of bytes) {
    if (b < 0x20 || b === 0x7f) return reprBytes(bytes);
    if (b >= 0x80) plainAscii = false;
  }
  if (plainAscii) {
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b);
    return out;
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return reprBytes(bytes);
  }
  return hidesText(text) ? reprBytes(bytes) : text;
}

const simpleEscapes: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, a: 0x07, b: 0x08 };

/**
 * The bytes of a key as the user typed it: text is matched as its UTF-8 bytes; a text in double quotes is read
 * back from the escaped form `escapeKey` shows (`"\xff\n"`), so binary keys can be searched for. Returns null
 * for a quoted text with a broken escape.
 */
export function keyBytes(text: string): Uint8Array | null {
  const utf8 = new TextEncoder().encode(text);
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return utf8;
  const inner = new TextEncoder().encode(text.slice(1, -1));
  const out: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const b = inner[i] as number;
    if (b === 0x22) return null;
    if (b !== 0x5c) {
      out.push(b);
      continue;
    }
    const next = String.fromCharCode(inner[i + 1] ?? 0);
    if (next === '\\' || next === '"') {
      out.push(next.charCodeAt(0));
      i += 1;
    } else if (next in simpleEscapes) {
      out.push(simpleEscapes[next] as number);
      i += 1;
    } else if (next === 'x') {
      const hex = String.fromCharCode(inner[i + 2] ?? 0, inner[i + 3] ?? 0);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      return null;
    }
  }
  return Uint8Array.from(out);
}
