/**
 * Serialise structured data for a `<script type="application/ld+json">`.
 * Note: `<`, `>` and `&` become `\u003c`… so no text (a `</script>` in a
 * title) can close the script element; U+2028/2029 are escaped for old parsers.
 */
export function toJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
