/**
 * Grading that judges meaning, on the real pack's cards: the answers the first audit saw graded
 * Again although right (key terms of events, titles and regnal numbers, synonyms, more precise
 * dates, numbers in other locales, "include" lists) are right now, and wrong ones stay wrong.
 */
import { describe, expect, it } from 'vitest'
import { realPack } from '../test-support/real-pack'
import { compareAnswer } from './answer-diff'
import { generateCards } from './cards'
import { gradeTyped, parseDate, parseNumber } from './grading'
import { normalizeAnswer } from './grading-text'

const cards = generateCards(realPack())
const card = (id: string) => cards.find((c) => c.id === id)!
const right = (id: string, typed: string) => gradeTyped(typed, card(id)).correct

describe('typed answers judged by meaning', () => {
  it('recalls an event by its key terms, not its exact title', () => {
    expect(right('event-what:1940-trotsky-assassinated', 'Trotsky was assassinated')).toBe(true)
    expect(right('event-what:1940-trotsky-assassinated', 'the killing of Trotsky')).toBe(true)
    expect(right('event-what:1917-russian-revolution', 'Russian Revolution')).toBe(true)
    expect(right('event-what:1922-ussr-formed', 'USSR formed')).toBe(true)
    expect(right('event-what:1812-fort-ross', 'Fort Ross founded')).toBe(true)
    expect(right('event-what:1942-mexico-enters-wwii', 'Mexico declares war on the Axis')).toBe(
      true
    )
    // …and still tells events apart.
    expect(right('event-what:1917-russian-revolution', 'Mexican Revolution')).toBe(false)
    expect(right('event-what:1940-trotsky-assassinated', 'Trotsky arrives in Mexico')).toBe(false)
    expect(right('event-what:1942-relations-re-established', 'Relations severed')).toBe(false)
    expect(right('event-what:1924-relations-with-ussr', 'Relations with the USSR severed')).toBe(
      false
    )
  })

  it('sets aside titles, articles, ordinal and Roman forms', () => {
    for (const typed of ['Tsar Alexander I', 'Alexander 1', 'Alexander the First', 'alexander I']) {
      expect(right('person:alexander-i', typed), typed).toBe(true)
    }
    expect(right('person:alexander-i', 'Alexander III')).toBe(false)
    expect(right('person:alexander-iii', 'Emperor Alexander the Third')).toBe(true)
    expect(right('organisation:mexican-navy', 'the Navy')).toBe(true)
    expect(right('person:luis-echeverria', 'President Echeverria')).toBe(true)
    expect(normalizeAnswer('The 1st Russian legation')).toBe('1 russian legation')
  })

  it('accepts a more precise date, and no other', () => {
    expect(right('event-when:1890-relations-established', 'December 1890')).toBe(true)
    expect(right('event-when:1890-relations-established', '1 Dec 1890')).toBe(true)
    expect(right('event-when:1890-relations-established', '1890')).toBe(true)
    expect(right('event-when:1890-relations-established', 'November 1890')).toBe(false)
    expect(right('event-when:1890-relations-established', '2 December 1890')).toBe(false)
    expect(right('event-when:1812-fort-ross', 'June 1812')).toBe(true)
    expect(right('event-when:1812-fort-ross', '1813')).toBe(false)
    expect(right('event-when:1910-mexican-revolution', '1910–1920')).toBe(true)
    expect(right('event-when:1910-mexican-revolution', '1910-20')).toBe(true)
    expect(right('event-when:1910-mexican-revolution', '1910')).toBe(false)
    expect(parseDate('the 26th of January, 1930')).toEqual({ year: 1930, month: 1, day: 26 })
    expect(parseDate('26 1930')).toBeNull()
  })

  it('reads numbers as other locales write them', () => {
    for (const typed of [
      '77,000',
      '77.000',
      '77 000',
      '77\u202f000',
      '77000',
      '77k',
      '77 thousand'
    ]) {
      expect(parseNumber(typed), typed).toBe(77_000)
      expect(right('figure:russian-visitors-2014', typed), typed).toBe(true)
    }
    expect(parseNumber('1.784 billion')).toBe(1.784e9)
    expect(parseNumber('1,784 billion')).toBe(1.784e12)
    expect(right('figure:trade-total-2014', '1,784 million')).toBe(true)
    expect(right('figure:trade-total-2014', '1,784 billion')).toBe(false)
    for (const typed of ['3rd', '3', 'third'])
      expect(right('figure:trade-partner-rank', typed)).toBe(true)
    expect(right('cloze:p-russian-federation-1:2:90', 'ninety')).toBe(true)
  })

  it('grades an "include" list item by item, with synonyms', () => {
    expect(right('trade-flow:mx-ru', 'tequila')).toBe(true)
    expect(right('trade-flow:mx-ru', 'cars and beer')).toBe(true)
    expect(right('trade-flow:mx-ru', 'beef, tequila, beer, automobiles')).toBe(true)
    expect(right('trade-flow:mx-ru', 'tequila, vodka')).toBe(false)
    expect(right('trade-flow:ru-mx', 'chemicals')).toBe(true)
    expect(right('trade-flow:ru-mx', 'helicopter, metal')).toBe(true)
    expect(right('trade-flow:ru-mx', 'tequila')).toBe(false)
    expect(gradeTyped('tequila', card('trade-flow:mx-ru')).exact).toBe(false)
    expect(
      right(
        'company:grupo-omnilife+grupo-maseca+nemak+cemex+mabe+katcon+metalsa+gruma',
        'Cemex, Gruma'
      )
    ).toBe(true)
    expect(
      right(
        'company:grupo-omnilife+grupo-maseca+nemak+cemex+mabe+katcon+metalsa+gruma',
        'Power Machines'
      )
    ).toBe(false)
  })

  it('asks for both cities and both painters, in any order', () => {
    expect(right('place:mexico-city+cancun', 'Cancun and Mexico City')).toBe(true)
    expect(right('place:mexico-city+cancun', 'Mexico City')).toBe(false)
    expect(right('hand:card-trotsky-hosts', 'Frida Kahlo, Diego Rivera')).toBe(true)
    expect(right('hand:card-trotsky-hosts', 'Kahlo')).toBe(false)
  })

  it('grades fill-the-gap answers as their kind', () => {
    expect(right('cloze:p-history-2:0:1-december-1890', 'Dec 1890')).toBe(true)
    expect(right('cloze:p-soviet-era-2:4:ramon-mercader', 'Mercader')).toBe(true)
    expect(right('cloze:p-soviet-era-2:3:trotsky', 'Leon Trotsky')).toBe(true)
    expect(right('cloze:p-history-2:1:first', '1st')).toBe(true)
    expect(right('cloze:p-history-2:1:first', 'second')).toBe(false)
  })
})

describe('compareAnswer', () => {
  it('marks what was typed beside what was expected, as Anki does', () => {
    const c = compareAnswer('Lázaro Cárdenas', 'lazaro cardenas')
    expect(c.equal).toBe(true)
    expect(c.expected).toEqual([{ text: 'Lázaro Cárdenas', kind: 'same' }])
    expect(c.typed).toEqual([{ text: 'lazaro cardenas', kind: 'same' }])

    const d = compareAnswer('Ramón Mercader', 'Ramon Merkader')
    expect(d.equal).toBe(false)
    expect(d.typed.map((p) => p.text).join('')).toBe('Ramon Merkader')
    expect(d.expected.map((p) => p.text).join('')).toBe('Ramón Mercader')
    expect(d.typed).toContainEqual({ text: 'k', kind: 'extra' })
    expect(d.expected).toContainEqual({ text: 'c', kind: 'missing' })

    // A less precise date: what is missing is marked, what was typed is all right.
    const e = compareAnswer('1 December 1890', '1890')
    expect(e.typed.every((p) => p.kind === 'same')).toBe(true)
    const missing = e.expected.filter((p) => p.kind === 'missing').map((p) => p.text)
    expect(missing.join('').length).toBe('1 December '.length)
    expect(compareAnswer('Moscow', '').typed).toEqual([])

    // A missing word is marked as one word, not scattered letters.
    const f = compareAnswer('Ramón Mercader', 'Mercader')
    expect(f.expected).toEqual([
      { text: 'Ramón ', kind: 'missing' },
      { text: 'Mercader', kind: 'same' }
    ])
    expect(f.typed).toEqual([{ text: 'Mercader', kind: 'same' }])
    // A first name left out and a typo in the surname: both marked where they are.
    const g = compareAnswer('Ramón Mercader', 'Merkader')
    expect(g.expected[0]).toEqual({ text: 'Ramón ', kind: 'missing' })
    expect(g.typed).toContainEqual({ text: 'k', kind: 'extra' })
    expect(g.expected).toContainEqual({ text: 'c', kind: 'missing' })
  })
})
