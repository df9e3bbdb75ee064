/**
 * The card-quality suite: every generated card of the real pack keeps the promise a question
 * makes. Its answer can be found in its source paragraph or its editorial note; no two cards ask
 * the same thing; multiple choice over many seeds offers options of the answer's kind and form of
 * which the grader accepts exactly one; typed grading accepts every alias, more precise dates and
 * numbers written the way other locales write them; and ordering sets over many seeds only
 * compare events whose dates settle their order, never two with one label.
 */
import { describe, expect, it } from 'vitest'
import { findBlock } from '$shared/pack-integrity'
import { realPack } from '../../test-support/real-pack'
import { gradeTyped, normalizeAnswer, parseDate, splitList } from '../grading'
import { choiceOptions, orderingSet } from '../quiz'
import type { StudyCard } from '../study-card'
import { GAP, sentencesOf } from './cloze-text'
import { eventDateLabel, settledOrder } from './event-dates'
import { generateCards, notesForCard } from '.'

const pack = realPack()
const cards = generateCards(pack)
const MC_SEEDS = 40
const ORDER_SETS = 2000

/** The words of a card's source: its paragraph (or caption) and the notes shown with it. */
function sourceText(card: StudyCard): string {
  const found = findBlock(pack, card.paragraphId)
  const block = !found
    ? ''
    : found.block.kind === 'figure'
      ? `${found.block.caption} ${found.block.file}`
      : found.block.text
  const notes = notesForCard(pack, card).map((n) => n.text)
  // A plural "s" after a model number goes, as in graded lists ("Mi-17/Mi-8s").
  return ` ${normalizeAnswer([block, ...notes].join(' ')).replace(/(\d) ?s\b/g, '$1')} `
}

const foundIn = (source: string, answer: string) => source.includes(` ${normalizeAnswer(answer)} `)
/** Every key term (some spelling of it) is found in the source. */
const termsFoundIn = (source: string, terms: string[][]) =>
  terms.length > 0 && terms.every((spellings) => spellings.some((s) => foundIn(source, s)))

/** The initials of a name ("Asia-Pacific Economic Cooperation" → "apec"). */
const initials = (name: string) =>
  normalizeAnswer(name)
    .split(' ')
    .map((w) => w[0])
    .join('')
const compact = (text: string) => normalizeAnswer(text).replace(/ /g, '')

describe('every card of the real pack', () => {
  it('has an answer found in its source paragraph or its note', () => {
    const bad: string[] = []
    for (const card of cards) {
      const source = sourceText(card)
      const items = card.parts ? card.parts.map((alts) => alts[0]!) : [card.answer]
      const ok =
        items.every((item) => foundIn(source, item)) ||
        termsFoundIn(source, card.keyTerms ?? []) ||
        // A number: its digits as the source writes them ("about 77,000" is "approximately 77,000").
        (card.answerKind === 'number' &&
          normalizeAnswer(card.answer)
            .split(' ')
            .filter((w) => /\d/.test(w))
            .every((w) => source.includes(` ${w} `)))
      if (!ok) bad.push(`${card.id}: ${card.answer}`)
    }
    expect(bad).toEqual([])
  })

  it('accepts only aliases the source gives, or a part, the initials or a compact form of the name', () => {
    const bad: string[] = []
    for (const card of cards.filter((c) => c.answerKind !== 'product' && c.kind !== 'hand')) {
      const source = sourceText(card)
      const names = card.parts ?? [[card.answer, ...card.accept]]
      for (const [name, ...aliases] of names) {
        for (const alias of aliases) {
          const words = normalizeAnswer(alias).split(' ')
          const ok =
            foundIn(source, alias) ||
            words.every((w) => normalizeAnswer(name!).split(' ').includes(w)) ||
            compact(alias) === initials(name!) ||
            compact(name!).startsWith(compact(alias))
          if (!ok) bad.push(`${card.id}: ${alias}`)
        }
      }
    }
    expect(bad).toEqual([])
  })

  it('asks no question twice, and every cloze gap stands in a sentence of its paragraph', () => {
    const questions = new Map<string, string>()
    const repeated: string[] = []
    for (const card of cards) {
      if (questions.has(card.question))
        repeated.push(`${questions.get(card.question)} / ${card.id}`)
      questions.set(card.question, card.id)
    }
    expect(repeated).toEqual([])
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length)
    for (const card of cards.filter((c) => c.kind === 'cloze')) {
      const found = findBlock(pack, card.paragraphId)!.block
      const sentences = found.kind === 'paragraph' ? sentencesOf(found.text) : []
      expect(card.question.split(GAP), card.id).toHaveLength(2)
      // The sentence itself, or the start of a long one cut after a clause ("…").
      const filled = card.question.replace(GAP, card.answer)
      const whole = filled.endsWith('…') ? filled.slice(0, -1) : filled
      expect(
        sentences.some((s) => (filled.endsWith('…') ? s.startsWith(whole) : s === whole)),
        card.id
      ).toBe(true)
      expect(card.question.length, card.id).toBeLessThanOrEqual(230)
    }
  })

  it('tells apart every event from the others of a date that could be the same', () => {
    const what = cards.filter((c) => c.kind === 'event-what')
    for (const card of what) {
      const event = pack.events.find((e) => e.id === card.eventId)!
      const rivals = pack.events.filter(
        (o) =>
          o.id !== event.id &&
          o.date.precision !== 'range' &&
          event.date.precision !== 'range' &&
          settledOrder(o, event) === 0
      )
      if (rivals.length) expect(card.question, card.id).toMatch(/\(.+\)\?$/)
    }
  })
})

/** The form of an option: a date's precision, a number's pattern, a list's length. */
function formOf(card: StudyCard, option: string): string {
  if (card.parts) return `list of ${splitList(option).length}`
  switch (card.answerKind) {
    case 'date': {
      const d = parseDate(option)
      return d ? Object.keys(d).sort().join('+') : 'not a date'
    }
    case 'number':
      return option
        .replace(/\b(thousand|million|billion)\b/, 'SCALE')
        .replace(/\d+(?:st|nd|rd|th)\b/g, '#ORD')
        .replace(/\d+(?:[.,]\d+)*/g, '#')
        .replace(/\b(first|second|third|fourth|fifth|sixth)\b/, 'ORD')
    default:
      return 'name'
  }
}

/** The options a card's kind allows: names of that kind, event titles, its own wrong options. */
function ofKind(card: StudyCard, option: string): boolean {
  if (card.wrong) return option === card.answer || card.wrong.includes(option)
  if (card.parts) return true
  const names: Record<string, string[]> = {
    event: pack.events.map((e) => e.title),
    equipment: [...pack.trade.equipment.map((q) => q.name), ...(pack.decoys?.equipment ?? [])]
  }
  for (const kind of ['person', 'place', 'organisation', 'company'] as const) {
    names[kind] = pack.entities.filter((e) => e.kind === kind).map((e) => e.name)
  }
  const allowed = names[card.answerKind ?? '']
  return allowed ? allowed.includes(option) || option === card.answer : true
}

describe('multiple choice over many seeds', () => {
  it('offers at least four options of the answer’s kind and form, of which the grader accepts only the answer', () => {
    let drawn = 0
    const problems = new Set<string>()
    for (const card of cards) {
      for (let seed = 0; seed < MC_SEEDS; seed++) {
        const { options, correctIndex } = choiceOptions(card, cards, pack, seed)
        drawn++
        if (options[correctIndex] !== card.answer) problems.add(`${card.id}: answer not offered`)
        if (options.length < 4) problems.add(`${card.id}: ${options.length} options`)
        if (new Set(options).size !== options.length) problems.add(`${card.id}: repeated option`)
        const accepted = options.filter((o) => gradeTyped(o, card).correct)
        if (accepted.length !== 1)
          problems.add(`${card.id}: grader accepts ${accepted.join(' | ')}`)
        const form = formOf(card, card.answer)
        for (const option of options) {
          if (formOf(card, option) !== form) problems.add(`${card.id}: "${option}" is not ${form}`)
          if (!ofKind(card, option))
            problems.add(`${card.id}: "${option}" is no ${card.answerKind}`)
        }
      }
    }
    expect([...problems]).toEqual([])
    expect(drawn).toBe(cards.length * MC_SEEDS)
  }, 60_000)

  it('never offers a wrong date that overlaps the right one', () => {
    for (const card of cards.filter((c) => c.kind === 'event-when')) {
      const event = pack.events.find((e) => e.id === card.eventId)!
      const overlapping = pack.events
        .filter((o) => o.id !== event.id && settledOrder(o, event) === 0)
        .map(eventDateLabel)
      for (let seed = 0; seed < 10; seed++) {
        const { options, correctIndex } = choiceOptions(card, cards, pack, seed)
        const wrong = options.filter((_, i) => i !== correctIndex)
        for (const label of overlapping) expect(wrong, card.id).not.toContain(label)
      }
    }
  })
})

/** A number written as other locales write it: "77.000", "77 000", "77000", "77k". */
function localeForms(value: number): string[] {
  const forms = [
    value.toLocaleString('en-US'),
    value.toLocaleString('de-DE'),
    value.toLocaleString('fr-FR'),
    String(value)
  ]
  if (value >= 1e9)
    forms.push(`${value / 1e9} billion`, `${(value / 1e6).toLocaleString('en-US')} million`)
  else if (value >= 1e4) forms.push(`${value / 1e3}k`, `${value / 1e3} thousand`)
  return forms
}

describe('typed grading over every card', () => {
  it('accepts the answer, every alias and spelling, more precise dates and locale numbers', () => {
    const refused: string[] = []
    const expectRight = (card: StudyCard, typed: string) => {
      if (!gradeTyped(typed, card).correct) refused.push(`${card.id}: "${typed}"`)
    }
    for (const card of cards) {
      expectRight(card, card.answer)
      for (const alias of card.accept) expectRight(card, alias)
      if (card.parts && !card.include) {
        expectRight(
          card,
          card.parts
            .map((alts) => alts.at(-1)!)
            .reverse()
            .join(', ')
        )
      }
      if (card.include)
        for (const alts of card.parts ?? []) for (const a of alts) expectRight(card, a)
      const d = card.date
      if (d && d.precision === 'day') {
        const month = eventDateLabel({ ...pack.events[0]!, dateText: card.answer }).split(' ')[1]
        expectRight(card, `${month} ${d.year}`)
        expectRight(card, `${month!.slice(0, 3)} ${d.day}, ${d.year}`)
        expectRight(
          card,
          `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
        )
      }
      if (d && d.precision === 'month') expectRight(card, `15 ${card.answer}`)
      if (d && d.precision === 'year') expectRight(card, `March ${d.year}`)
      if (d && d.precision === 'range') expectRight(card, `${d.year} to ${d.endYear}`)
      if (card.value !== undefined && card.value >= 1000) {
        for (const form of localeForms(card.value)) expectRight(card, form)
      }
    }
    expect(refused).toEqual([])
  })
})

describe('typed grading tells things apart', () => {
  it('never accepts another event’s title, nor another person’s or place’s name', () => {
    const accepted: string[] = []
    for (const card of cards.filter((c) => c.kind === 'event-what')) {
      const event = pack.events.find((e) => e.id === card.eventId)!
      for (const other of pack.events) {
        if (other.id === event.id || other.title === event.title) continue
        if (gradeTyped(other.title, card).correct) accepted.push(`${card.id}: "${other.title}"`)
      }
    }
    for (const card of cards.filter((c) => !c.parts && c.kind !== 'hand')) {
      const kind = card.answerKind
      for (const entity of pack.entities.filter((e) => e.kind === kind && e.name !== card.answer)) {
        if (card.accept.includes(entity.name)) continue
        if (gradeTyped(entity.name, card).correct) accepted.push(`${card.id}: "${entity.name}"`)
      }
    }
    expect(accepted).toEqual([])
  })
})

describe('ordering sets over many seeds', () => {
  it('only grade pairs the dates settle, and never show two items with one label', () => {
    let pairs = 0
    const unknowable: string[] = []
    const sameLabel: string[] = []
    for (let seed = 0; seed < ORDER_SETS; seed++) {
      const set = orderingSet(pack.events, 4 + (seed % 3), seed)
      expect(set).toHaveLength(4 + (seed % 3))
      for (let i = 0; i < set.length; i++) {
        for (let j = i + 1; j < set.length; j++) {
          pairs++
          if (settledOrder(set[i]!, set[j]!) === 0) unknowable.push(`${set[i]!.id} / ${set[j]!.id}`)
          if (set[i]!.title === set[j]!.title) sameLabel.push(`${set[i]!.id} / ${set[j]!.id}`)
        }
      }
    }
    expect(unknowable).toEqual([])
    expect(sameLabel).toEqual([])
    expect(pairs).toBeGreaterThan(ORDER_SETS * 6)
  }, 60_000)
})
