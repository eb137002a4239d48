/**
 * What `String.prototype.trim` removes (white space and line terminators), by code point, as
 * JavaScript and PostgreSQL both read it: the index's SQL judges "a reviewer" and "an impact
 * statement" exactly as the live path's `trim()` does (a test checks every code unit).
 */
const BLANKS = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
const hex = (code: number) => code.toString(16).padStart(4, '0');

/** The body of a regular-expression class of the blanks (`\uXXXX` escapes both engines read). */
export const BLANK_CLASS = BLANKS.map((code) => `\\u${hex(code)}`).join('');

/** The blanks as an SQL string literal (for translate, far cheaper per row than a regular expression). */
export const BLANK_SQL = `U&'${BLANKS.map((code) => `\\${hex(code)}`).join('')}'`;

/** SQL: the text has something besides blanks (false for null). */
export const hasTextSql = (text: string) => `coalesce(translate(${text}, ${BLANK_SQL}, '') <> '', false)`;

const NOT_BLANK = new RegExp(`[^${BLANK_CLASS}]`);

/** True when `text` has something besides blanks (what `text?.trim()` being truthy says). */
export const hasText = (text: string | null | undefined): text is string => !!text && NOT_BLANK.test(text);
