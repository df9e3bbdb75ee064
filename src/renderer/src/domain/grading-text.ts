/**
 * How typed words are compared: folded (case, accents, punctuation), without leading articles or
 * titles ("the", "Tsar"), with ordinals and Roman numerals as digits ("Alexander the First",
 * "Alexander I" and "Alexander 1" are one answer), and a few typos forgiven on long words.
 */
import { foldText } from './text-fold'

const LEADING = new Set([
  'the',
  'a',
  'an',
  'tsar',
  'czar',
  'emperor',
  'empress',
  'king',
  'queen',
  'president',
  'baron',
  'general',
  'mr',
  'mrs',
  'ms',
  'dr',
  'senor',
  'senora'
])

const ORDINAL_WORDS: Record<string, string> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10'
}
const ROMAN: Record<string, string> = {
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
  x: '10'
}

/** One word as compared: "1st" → "1", "third" → "3", "iii" after a name → "3". */
function canonicalWord(word: string, index: number): string {
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(word)
  if (ordinal) return ordinal[1]!
  if (word in ORDINAL_WORDS) return ORDINAL_WORDS[word]!
  // A lone "i" or "v" first in an answer is more likely a word than a numeral.
  if (index > 0 && word in ROMAN) return ROMAN[word]!
  return word
}

const memo = new Map<string, string>()

/** Lower case, no accents, no punctuation, single spaces, no leading article or title. */
export function normalizeAnswer(text: string): string {
  let normal = memo.get(text)
  if (normal === undefined) {
    // Graders compare the same few hundred texts over and over (every option of every card).
    if (memo.size > 10_000) memo.clear()
    normal = normalizeUncached(text)
    memo.set(text, normal)
  }
  return normal
}

function normalizeUncached(text: string): string {
  const words = foldText(text)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  let start = 0
  while (start < words.length - 1 && LEADING.has(words[start]!)) start++
  const kept = words.slice(start)
  // "Alexander the First": the article before an ordinal goes too.
  return kept
    .filter((w, i) => !(w === 'the' && i > 0 && kept[i + 1]! in ORDINAL_WORDS))
    .map(canonicalWord)
    .join(' ')
}

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two letters is one edit. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the one before last (for swaps), the last and the current one.
  let before = new Int32Array(b.length + 1)
  let last = Int32Array.from({ length: b.length + 1 }, (_, j) => j)
  let row = new Int32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1)
      }
      row[j] = best
    }
    ;[before, last, row] = [last, row, before]
  }
  return last[b.length]!
}

/** The typos forgiven in an answer of this many characters: none up to 3, then one per 5 or so. */
export function typosAllowed(length: number): number {
  if (length <= 3) return 0
  if (length <= 6) return 1
  if (length <= 12) return 2
  return 3
}

/** The numbers of a normalized text, which must be exactly right ("1890", "alexander 3"). */
const numbersOf = (text: string) =>
  text
    .split(' ')
    .filter((w) => /\d/.test(w))
    .join(' ')

/** True when a normalized attempt matches a normalized expected answer closely enough. */
export function closeEnough(attempt: string, expected: string): boolean {
  if (attempt === expected) return true
  // Numbers (years, days, regnal numbers) must be exactly right: "1890" is not "1891".
  if (numbersOf(attempt) !== numbersOf(expected)) return false
  // Typos within words, not words more or less: "relations re-established" is another answer.
  if (attempt.split(' ').length !== expected.split(' ').length) return false
  const allowed = typosAllowed(expected.length)
  if (Math.abs(attempt.length - expected.length) > allowed) return false
  return editDistance(attempt, expected) <= allowed
}

/**
 * True when two single words are one word for a key term: the same within a typo or two, or one
 * form of the other ("assassinated", "assassination"; "Russia", "Russian").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  // One typo in a word of five letters or more ("asassinated"); "reestablished" is not "established".
  if (a.length >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1) return true
  if (/\d/.test(a) || /\d/.test(b)) return false
  let common = 0
  while (common < a.length && a[common] === b[common]) common++
  return common >= 5 && common >= Math.min(a.length, b.length) - 3
}

/**
 * True when a normalized attempt names a key term through any of its spellings: a term of
 * several words as a run of whole words, a single word as one of the attempt's words.
 */
export function namesTerm(attempt: string, spellingsOfTerm: readonly string[]): boolean {
  const words = attempt.split(' ')
  return spellingsOfTerm.some((spelling) => {
    const term = normalizeAnswer(spelling)
    if (!term) return false
    if (term.includes(' ')) return ` ${attempt} `.includes(` ${term} `)
    return words.some((w) => sameWord(w, term))
  })
}
