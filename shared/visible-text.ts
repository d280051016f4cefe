/**
 * Text from a backup made safe to look at, in the window and in a terminal: a key or value is customer data
 * of any bytes. React renders it as text (never HTML) and the command line prints it as text, and this is the
 * one rule, shared by both, for what text can still hide or forge:
 * - control characters (Unicode category Cc: C0 but line feed and tab, DEL, C1), which move a terminal's
 *   cursor, recolour or clear it;
 * - format characters (Cf): the bidirectional overrides, embeddings, isolates and marks (U+061C, U+200E–200F,
 *   U+202A–202E, U+2066–2069), which make text read in another order ("Trojan Source", CVE-2021-42574,
 *   https://trojansource.codes), and the invisible ones (U+200B–200D, U+2060, U+FEFF, tag characters);
 * - the line and paragraph separators U+2028/U+2029 (Zl, Zp), which break a line in some viewers;
 * - lone surrogates (Cs), which are not text at all.
 * Each becomes `\xHH` (below 0x100) or `\u{H…}`, and a backslash is doubled so an escape in the data cannot pass
 * for one of ours.
 */

// With the `u` flag a surrogate pair is one code point, so \p{Cs} matches only lone surrogates.
const HIDDEN_CLASS = String.raw`[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]`;
// A value preview keeps its line feeds and tabs; one line (a key, a table cell, a file name) does not.
const IN_TEXT = new RegExp(String.raw`(?![\n\t])${HIDDEN_CLASS}|\\`, 'gu');
const IN_LINE = new RegExp(String.raw`${HIDDEN_CLASS}|\\`, 'gu');
const HIDDEN = new RegExp(HIDDEN_CLASS, 'u');
const ALL_HIDDEN = new RegExp(HIDDEN_CLASS, 'gu');

/** Whether the text holds a character that could hide, reorder or forge what is shown on one line. */
export const hidesText = (text: string): boolean => HIDDEN.test(text);

/** The text with each hidden character (line feed and tab included) replaced by what `replace` makes of it. */
export const replaceHidden = (text: string, replace: (character: string) => string): string =>
  text.replace(ALL_HIDDEN, replace);

function escapeMatches(text: string, pattern: RegExp): string {
  return text.replace(pattern, (c) => {
    if (c === '\\') return '\\\\';
    const code = c.codePointAt(0) ?? 0;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** Multi-line text (a value preview) with every hidden character escaped; line feeds and tabs stay. */
export const visibleText = (text: string): string => escapeMatches(text, IN_TEXT);

/**
 * One line as it may be shown: a key as main sent it (shared/escape-key.ts), a file name, a table cell. Text
 * without a hidden character is shown exactly as it is, so ordinary keys (with or without a backslash) read as
 * they are typed into Find and the quoted form `"\xff…"` (all printable ASCII) as sent; text with one has every
 * hidden character escaped, line feed and tab included, and its backslashes doubled.
 */
export const shownKey = (text: string): string => (hidesText(text) ? escapeMatches(text, IN_LINE) : text);

const QUOTED = /^"[\x20-\x7e]*"$/;

/** A value preview's text: the quoted form as sent, any other text through `visibleText`. */
export const shownValue = (text: string): string => (QUOTED.test(text) ? text : visibleText(text));
