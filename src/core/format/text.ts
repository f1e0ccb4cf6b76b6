/**
 * Text shown to people as a name (a series, a server type): characters that cannot be drawn or written into an
 * SVG (XML 1.0 forbids C0 controls; lone surrogates cannot be encoded) are replaced, so a name taken from a file
 * or folder never breaks an export. Tabs and line breaks become spaces; the rest becomes U+FFFD.
 */
const UNSHOWABLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function displayName(text: string): string {
  return text.replace(UNSHOWABLE, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : '\uFFFD'));
}
