/**
 * The typed-answer grader: a pure function from what the student typed to right or wrong, judging
 * meaning rather than spelling. Accepted spellings and aliases, key terms for answers said in many
 * ways (an event is recalled when its key terms are, not its exact title), dates by their parts,
 * numbers in any locale's format, lists in any order, and "include" lists item by item.
 */
import type { EventDate } from '$shared/pack-schema'
import { gradeDate } from './grading-dates'
import { gradeNumeric } from './grading-numbers'
import { closeEnough, editDistance, namesTerm, normalizeAnswer } from './grading-text'
import type { AnswerKind } from './study-card'

export { normalizeAnswer, editDistance, typosAllowed } from './grading-text'
export { gradeNumeric, parseNumber, type NumericGrade } from './grading-numbers'
export { gradeOrder, misplaced, type OrderGrade } from './grading-order'
export { gradeDate, parseDate } from './grading-dates'

/** What the grader reads of a card (a `StudyCard` is one). */
export interface TypedCard {
  kind: string
  answer: string
  answerKind?: AnswerKind
  accept: string[]
  /** Items of a list answer, each with its accepted spellings (see `StudyCard.parts`). */
  parts?: string[][]
  /** The parts must be given in order. */
  ordered?: boolean
  /** The parts are examples: each one named counts, the whole list is not needed. */
  include?: boolean
  /** Terms that recall the answer, each with its spellings. */
  keyTerms?: string[][]
  /** A date answer, judged by its parts. */
  date?: EventDate
  /** A number answer, judged by value. */
  value?: number
}

/** The verdict on a typed answer. */
export interface TypedGrade {
  correct: boolean
  /** True when it matched without any typo, part or precision forgiven. */
  exact: boolean
}

const WRONG: TypedGrade = { correct: false, exact: false }

/** The answers a typed attempt may match: the answer, the accept list and, for a person, the surname. */
export function acceptedAnswers(card: TypedCard): string[] {
  const all = [card.answer, ...card.accept]
  const person = card.answerKind ? card.answerKind === 'person' : card.kind === 'person'
  if (person && !card.parts) {
    for (const name of [...all]) {
      const words = name.trim().split(/\s+/)
      // "Emperor Alexander I" has no surname to stand for it, and two people are no one name.
      if (words.length >= 2 && !/^[IVX]+$/.test(words.at(-1)!) && !/ and /.test(name)) {
        all.push(words.at(-1)!)
      }
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

/** The index of the part an item names (exactly, else within a few typos), or -1. */
function partOf(item: string, options: string[][], used: ReadonlySet<number>): [number, boolean] {
  const exact = options.findIndex((alts, j) => !used.has(j) && alts.includes(item))
  if (exact >= 0) return [exact, true]
  return [
    options.findIndex((alts, j) => !used.has(j) && alts.some((o) => closeEnough(item, o))),
    false
  ]
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
 * Grades an "include" list: right when every item named is one of the list (any spelling, a few
 * typos forgiven) and none is named twice; exact when all of them are named.
 */
function gradeInclude(given: string[], parts: string[][]): TypedGrade {
  const options = parts.map((alts) => alts.map(normalizeItem).filter(Boolean))
  const used = new Set<number>()
  let exact = given.length === parts.length
  for (const item of given) {
    const [j, isExact] = partOf(item, options, used)
    if (j < 0) return WRONG
    used.add(j)
    if (!isExact) exact = false
  }
  return { correct: given.length > 0, exact: given.length > 0 && exact }
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
 * Grades a typed answer by what it means: a date by its parts, a number by its value, a list in
 * any order (an "include" list item by item), an answer with key terms by naming each of them;
 * otherwise case- and accent-insensitive against the accepted answers, a few typos forgiven.
 */
export function gradeTyped(attempt: string, card: TypedCard): TypedGrade {
  const given = normalizeAnswer(attempt)
  if (!given) return WRONG
  if (card.date) return gradeDate(attempt, card.date)
  if (card.value !== undefined) {
    const { correct } = gradeNumeric(attempt, card.value)
    return { correct, exact: correct }
  }
  const accepted = acceptedAnswers(card)
  if (accepted.includes(given)) return { correct: true, exact: true }
  if (card.parts && card.include) return gradeInclude(splitList(attempt), card.parts)
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
  if (card.keyTerms?.length && card.keyTerms.every((term) => namesTerm(given, term))) {
    return { correct: true, exact: false }
  }
  return { correct: accepted.some((expected) => closeEnough(given, expected)), exact: false }
}
