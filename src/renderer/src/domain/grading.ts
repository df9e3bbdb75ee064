/**
 * The graders of the quiz modes: pure functions from what the user gave to pass or fail.
 * Typed answers forgive case, accents and small typos; numbers parse the ways people write them;
 * an ordering scores by the share of pairs in the right order.
 */
import { foldText } from './text-fold'

/** Lower case, no accents, no punctuation, single spaces, no leading article. */
export function normalizeAnswer(text: string): string {
  return foldText(text)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|a|an) /, '')
}

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two letters is one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1)
      }
      d[i]![j] = best
    }
  }
  return d[rows - 1]![cols - 1]!
}

/** The typos forgiven in an answer of this many characters: none up to 3, then one per 5 or so. */
export function typosAllowed(length: number): number {
  if (length <= 3) return 0
  if (length <= 6) return 1
  if (length <= 12) return 2
  return 3
}

/** The parts that must be exactly right: numbers and Roman numerals ("1890", "Alexander III"). */
const exactParts = (text: string) =>
  text
    .split(' ')
    .filter((w) => /^\d+$/.test(w) || /^[ivx]+$/.test(w))
    .join(' ')

/** True when a normalized attempt matches a normalized expected answer closely enough. */
function closeEnough(attempt: string, expected: string): boolean {
  if (attempt === expected) return true
  // Numbers (years, days) must be exactly right: "1890" is not "1891".
  if (exactParts(attempt) !== exactParts(expected)) return false
  return editDistance(attempt, expected) <= typosAllowed(expected.length)
}

export interface TypedCard {
  kind: string
  answer: string
  accept: string[]
  /** Items of a list answer, each with its accepted spellings (see `StudyCard.parts`). */
  parts?: string[][]
  /** The parts must be given in order. */
  ordered?: boolean
}

export interface TypedGrade {
  correct: boolean
  /** True when it matched without any typo forgiven. */
  exact: boolean
}

/** The answers a typed attempt may match: the answer, the accept list and, for people, surnames. */
export function acceptedAnswers(card: TypedCard): string[] {
  const all = [card.answer, ...card.accept]
  if (card.kind === 'person') {
    for (const name of [...all]) {
      const words = name.trim().split(/\s+/)
      // "Emperor Alexander I" has no surname to stand for it; a real two-word name does.
      if (words.length >= 2 && !/^[IVX]+$/.test(words.at(-1)!)) all.push(words.at(-1)!)
    }
  }
  return [...new Set(all.map(normalizeAnswer).filter(Boolean))]
}

/** The items of a list as written: "a, b and c", "b & a", "c; a". */
export function splitList(text: string): string[] {
  return text
    .split(/\s*(?:[,;&+]|\band\b)\s*/i)
    .map(normalizeItem)
    .filter(Boolean)
}

/** One item of a list, normalized; a plural "s" after a model number is dropped ("BTR-60s"). */
function normalizeItem(text: string): string {
  return normalizeAnswer(text).replace(/(\d) ?s\b/g, '$1')
}

/**
 * Grades a list answer in any order: every expected item named once (each through any of its
 * spellings, a few typos forgiven), and nothing else. Null when the attempt is no list of as many.
 */
function gradeList(given: string[], parts: string[][]): TypedGrade | null {
  if (given.length !== parts.length || parts.length < 2) return null
  const options = parts.map((alts) => alts.map(normalizeItem).filter(Boolean))
  let exact = true
  const used = new Set<number>()
  // Few items: a plain search for a matching, exact matches first.
  const match = (i: number): boolean => {
    if (i === given.length) return true
    const g = given[i]!
    const order = [...options.keys()].sort(
      (a, b) => Number(!options[a]!.includes(g)) - Number(!options[b]!.includes(g))
    )
    for (const j of order) {
      if (used.has(j)) continue
      const isExact = options[j]!.includes(g)
      if (!isExact && !options[j]!.some((o) => closeEnough(g, o))) continue
      used.add(j)
      if (match(i + 1)) {
        if (!isExact) exact = false
        return true
      }
      used.delete(j)
    }
    return false
  }
  return match(0) ? { correct: true, exact } : null
}

/**
 * Grades an answer whose parts must come in order ("Russian company, operating in Mexico"): the
 * parts it names, in the order it names them, must be exactly the expected ones. Words of five
 * letters or more forgive one typo ("Rusia").
 */
function gradeSequence(attempt: string, parts: string[][]): TypedGrade {
  const words = attempt.split(' ')
  const found: number[] = []
  let exact = true
  for (const word of words) {
    let hit = parts.findIndex((alts) => alts.some((a) => normalizeAnswer(a) === word))
    if (hit < 0 && word.length >= 5) {
      hit = parts.findIndex((alts) =>
        alts.some((a) => {
          const n = normalizeAnswer(a)
          return !n.includes(' ') && editDistance(word, n) <= 1
        })
      )
      if (hit >= 0) exact = false
    }
    if (hit >= 0 && found.at(-1) !== hit) found.push(hit)
  }
  const correct = found.length === parts.length && found.every((p, i) => p === i)
  return { correct, exact: correct && exact }
}

/**
 * Grades a typed answer: case- and accent-insensitive, with a few typos forgiven on long words.
 * A list may be given in any order ("Frida Kahlo, Diego Rivera"); parts that must come in order
 * must all be there ("Russia" alone does not say where the company operates).
 */
export function gradeTyped(attempt: string, card: TypedCard): TypedGrade {
  const given = normalizeAnswer(attempt)
  if (!given) return { correct: false, exact: false }
  const accepted = acceptedAnswers(card)
  if (accepted.includes(given)) return { correct: true, exact: true }
  if (card.parts && card.ordered) {
    const graded = gradeSequence(given, card.parts)
    if (graded.correct) return graded
  } else {
    const items = splitList(attempt)
    const lists = [
      ...(card.parts ? [card.parts] : []),
      ...[card.answer, ...card.accept].map((a) => splitList(a).map((item) => [item]))
    ]
    for (const parts of lists) {
      const graded = gradeList(items, parts)
      if (graded) return graded
    }
  }
  return { correct: accepted.some((expected) => closeEnough(given, expected)), exact: false }
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12
}

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5
}

/** Reads a number written as people write it: "1.784 billion", "1,784 million", "US$1784000000", "3rd". */
export function parseNumber(text: string): number | null {
  const t = text
    .toLowerCase()
    .replace(/us\$|usd|\$|€|eur|mxn|rub|about|approximately|around|~/g, ' ')
    .trim()
  const word = t.match(/^([a-z]+)$/)?.[1]
  if (word && word in ORDINALS) return ORDINALS[word]!
  const m = t.match(/(-?\d[\d\s,.'’]*)\s*(?:(st|nd|rd|th)\b)?\s*([a-z]+)?/)
  if (!m) return null
  let digits = m[1]!.replace(/[\s'’]/g, '').replace(/[.,]$/, '')
  const commas = (digits.match(/,/g) ?? []).length
  const dots = (digits.match(/\./g) ?? []).length
  if (commas && dots) {
    // The separator that comes last is the decimal one: "1,784.5" or "1.784,5".
    const decimal = digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.'
    const group = decimal === ',' ? '.' : ','
    digits = digits.split(group).join('').replace(decimal, '.')
  } else if (commas) {
    // "1,784" and "1,784,000" group thousands; "1,5" is a decimal comma.
    digits = /^\d{1,3}(,\d{3})+$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.')
  } else if (dots > 1) {
    digits = digits.replace(/\./g, '')
  }
  const value = Number(digits)
  if (!Number.isFinite(value)) return null
  const scale = m[3] ? SCALES[m[3]] : undefined
  if (m[3] && scale === undefined && !['visitors', 'people', 'usd', 'dollars'].includes(m[3])) {
    return null
  }
  return value * (scale ?? 1)
}

export interface NumericGrade {
  correct: boolean
  parsed: number | null
}

/** Grades a number within a relative tolerance (±5 % by default; ranks and counts below 20 exactly). */
export function gradeNumeric(attempt: string, expected: number, tolerance = 0.05): NumericGrade {
  const parsed = parseNumber(attempt)
  if (parsed === null) return { correct: false, parsed }
  const exact = Number.isInteger(expected) && Math.abs(expected) < 20
  const correct = exact
    ? parsed === expected
    : Math.abs(parsed - expected) <= tolerance * Math.abs(expected)
  return { correct, parsed }
}

export interface OrderGrade {
  correct: number
  total: number
  score: number
  pass: boolean
}

/**
 * Scores an ordering by pairs: of every two items, is the earlier one placed first? Items with the
 * same key may go either way. Passes at 80 % of pairs.
 */
export function gradeOrder<T>(placed: T[], key: (item: T) => number, passAt = 0.8): OrderGrade {
  let correct = 0
  let total = 0
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      total++
      if (key(placed[i]!) <= key(placed[j]!)) correct++
    }
  }
  const score = total === 0 ? 1 : correct / total
  return { correct, total, score, pass: score >= passAt }
}

/**
 * The items of an ordering that are out of place: all but one longest run of items already in the
 * right order relative to each other (a longest non-decreasing subsequence), so the fewest items
 * that moving would fix the order. Returns their indices, ascending.
 */
export function misplaced<T>(placed: T[], key: (item: T) => number): number[] {
  const keys = placed.map(key)
  const length = keys.map(() => 1)
  const previous = keys.map(() => -1)
  for (let i = 0; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      if (keys[j]! <= keys[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1
        previous[i] = j
      }
    }
  }
  const keep = new Set<number>()
  let at = length.indexOf(Math.max(0, ...length))
  while (at >= 0) {
    keep.add(at)
    at = previous[at]!
  }
  return keys.map((_, i) => i).filter((i) => !keep.has(i))
}
