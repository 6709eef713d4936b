/** `1 article`, `2 articles`: a count with its noun, for messages in English. */
export function countNoun(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
