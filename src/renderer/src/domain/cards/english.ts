/** Small pieces of English the card texts are written with: lists, number words, ordinals. */

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh']

/** "three" for 3; digits from ten on. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n)
}

/** "second" for 2; "no. 12" past the words. */
export function ordinalWord(n: number): string {
  return ORDINAL_WORDS[n] ?? `no. ${n}`
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinalSuffix(n: number): string {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : n % 10 === 1
        ? 'st'
        : n % 10 === 2
          ? 'nd'
          : n % 10 === 3
            ? 'rd'
            : 'th'
  return `${n}${suffix}`
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** "an" before a vowel, else "a" ("an explorer", "a painter"). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a'
}
