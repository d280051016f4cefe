/**
 * Text from a backup made safe to look at: a value preview is customer data of any bytes. React renders it
 * as text (never HTML), and this escapes what text can still hide or forge: control characters (C0 but line
 * feed and tab, DEL, C1), bidirectional overrides and isolates, which can make text read in another order
 * ("Trojan Source", CVE-2021-42574), zero-width characters, and lone surrogates. Each becomes `\xHH` (below
 * 0x100) or `\u{H…}`, and a backslash is doubled so an escape in the data cannot pass for one of ours.
 */

// Bidi: U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069. Zero-width: U+200B–U+200D, U+2060, U+FEFF.
// Lone surrogates: a high one not followed by a low one, a low one not preceded by a high one.
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\\/g;

export function visibleText(text: string): string {
  return text.replace(HIDDEN, (c) => {
    if (c === '\\') return '\\\\';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

const QUOTED = /^"[\x20-\x7e]*"$/;

/**
 * A key or value as main sent it (shared/escape-key.ts): the quoted form `"\xff…"` is already all printable
 * ASCII and is shown as sent; plain text is shown through `visibleText` only when it holds a character that
 * text could hide, so ordinary keys (with or without a backslash) read exactly as they are typed into Find.
 */
export function shownKey(text: string): string {
  if (QUOTED.test(text)) return text;
  HIDDEN.lastIndex = 0;
  const hides = [...text.matchAll(HIDDEN)].some((m) => m[0] !== '\\');
  return hides ? visibleText(text) : text;
}

/** A value preview's text: the quoted form as sent, any other text through `visibleText`. */
export const shownValue = (text: string): string => (QUOTED.test(text) ? text : visibleText(text));
