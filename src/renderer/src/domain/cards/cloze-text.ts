/**
 * The raw material of Fill-the-gap cards: a paragraph's sentences without their citation marks,
 * and the key terms in each (dates, numbers, names) that a gap may blank.
 */
import type { EventDate } from '$shared/pack-schema'
import type { AnswerKind } from '../study-card'
import { MONTH_NAMES as MONTHS } from '../format'

/** The gap as a question shows it. */
export const GAP = '_____'

/** The source's text without its "[3]" and "[citation needed]" marks. */
export function withoutMarks(text: string): string {
  return text
    .replace(/\[(?:\d+|citation needed)\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The sentences of a paragraph, without citation marks. */
export function sentencesOf(text: string): string[] {
  return withoutMarks(text)
    .split(/(?<=[.!?])\s+(?=[A-Z"'(])/)
    .filter((s) => s.length > 0)
}

/** A term a gap may blank, where it stands in its sentence and what it is. */
export interface Term {
  text: string
  start: number
  answerKind: AnswerKind
  /** For a date: the date at the precision written. */
  date?: EventDate
  /** For a number: its value. */
  value?: number
  /** For a name: the pack id it names (an entity, or an item of equipment). */
  factId?: string
  /** Other spellings of a name ("Ramón Mercader" for "Mercader"). */
  accept?: string[]
}

const MONTH = MONTHS.join('|')
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth']

/** Dates as the article writes them: "1 December 1890", "August 1924", "1910-1920", "1806". */
function dateTerms(sentence: string): Term[] {
  const found: Term[] = []
  const patterns: [RegExp, (m: RegExpExecArray) => EventDate][] = [
    [
      new RegExp(`\\b(\\d{1,2}) (${MONTH}) (\\d{4})\\b`, 'g'),
      (m) => ({
        precision: 'day',
        day: Number(m[1]),
        month: MONTHS.indexOf(m[2]!) + 1,
        year: Number(m[3])
      })
    ],
    [
      new RegExp(`\\b(${MONTH}) (\\d{4})\\b`, 'g'),
      (m) => ({ precision: 'month', month: MONTHS.indexOf(m[1]!) + 1, year: Number(m[2]) })
    ],
    [
      /\b(1\d{3}|20\d{2})-(1\d{3}|20\d{2})\b/g,
      (m) => ({ precision: 'range', year: Number(m[1]), endYear: Number(m[2]) })
    ],
    [/\b(1[5-9]\d{2}|20\d{2})\b/g, (m) => ({ precision: 'year', year: Number(m[1]) })]
  ]
  for (const [pattern, read] of patterns) {
    for (const m of sentence.matchAll(pattern)) {
      found.push({
        text: m[0],
        start: m.index,
        answerKind: 'date',
        date: read(m as RegExpExecArray)
      })
    }
  }
  return found
}

/** Numbers: "77,000", "90" (not a year), and ordinal words ("third"). */
function numberTerms(sentence: string): Term[] {
  const found: Term[] = []
  for (const m of sentence.matchAll(/(?<![\d$,.])(\d{1,3}(?:,\d{3})+|\d{1,3})(?![\d,.]*\d)/g)) {
    found.push({
      text: m[0],
      start: m.index,
      answerKind: 'number',
      value: Number(m[0].replace(/,/g, ''))
    })
  }
  for (const m of sentence.matchAll(new RegExp(`\\b(${ORDINALS.join('|')})\\b`, 'g'))) {
    found.push({
      text: m[0],
      start: m.index,
      answerKind: 'number',
      value: ORDINALS.indexOf(m[0]) + 1
    })
  }
  return found
}

/** A name the pack knows, with its kind and other spellings. */
export interface KnownName {
  forms: string[]
  answerKind: AnswerKind
  factId: string
}

/** A name form as a whole-word pattern, made once per form (every sentence tries every form). */
function wholeWord(form: string): RegExp {
  let pattern = patterns.get(form)
  if (!pattern) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')
    patterns.set(form, pattern)
  }
  return pattern
}

const patterns = new Map<string, RegExp>()

/** Names of the pack found in a sentence, each form whole-word and case as written. */
function nameTerms(sentence: string, names: readonly KnownName[]): Term[] {
  const found: Term[] = []
  for (const name of names) {
    for (const form of name.forms) {
      // Most forms are not in a sentence: a plain search says so before a pattern is made or run.
      if (!sentence.includes(form)) continue
      for (const m of sentence.matchAll(wholeWord(form))) {
        found.push({
          text: m[0],
          start: m.index,
          answerKind: name.answerKind,
          factId: name.factId,
          accept: name.forms.filter((f) => f !== form)
        })
      }
    }
  }
  return found
}

/**
 * The key terms of a sentence, longest first where they overlap ("1 December 1890" over "1890",
 * "Baron Roman Rosen" over "Roman Rosen"), in the order they stand.
 */
export function termsOf(sentence: string, names: readonly KnownName[]): Term[] {
  const all = [...dateTerms(sentence), ...numberTerms(sentence), ...nameTerms(sentence, names)]
  all.sort((a, b) => b.text.length - a.text.length || a.start - b.start)
  const kept: Term[] = []
  for (const term of all) {
    const end = term.start + term.text.length
    if (kept.some((k) => term.start < k.start + k.text.length && k.start < end)) continue
    kept.push(term)
  }
  return kept.sort((a, b) => a.start - b.start)
}
