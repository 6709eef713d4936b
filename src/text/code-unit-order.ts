/**
 * Order two strings by UTF-16 code unit, the order `Array.prototype.sort`
 * gives without a comparator, and the same on every machine and locale
 * (unlike `localeCompare`), so paths and keys sort the same in every build.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
