import { describe, expect, it } from 'vitest'
import {
  editDistance,
  gradeNumeric,
  gradeOrder,
  gradeTyped,
  misplaced,
  normalizeAnswer,
  parseNumber
} from './grading'

const cardenas = { kind: 'person', answer: 'Lázaro Cárdenas', accept: ['Lazaro Cardenas'] }
const trotsky = { kind: 'person', answer: 'Leon Trotsky', accept: [] }
const alexander = { kind: 'person', answer: 'Alexander I', accept: ['Emperor Alexander I'] }
const fortRoss = { kind: 'event-when', answer: '1812', accept: ['1812'] }
const baikonur = { kind: 'hand', answer: 'Baikonur, Kazakhstan', accept: ['Baikonur'] }
const btr = { kind: 'equipment', answer: 'Armoured personnel carrier', accept: [] }
const painters = {
  kind: 'hand',
  answer: 'Diego Rivera and Frida Kahlo',
  accept: ['Frida Kahlo and Diego Rivera', 'Rivera and Kahlo', 'Kahlo and Rivera']
}
const members = {
  kind: 'organisation',
  answer: 'Asia-Pacific Economic Cooperation, G-20 major economies and United Nations',
  accept: [],
  parts: [
    ['Asia-Pacific Economic Cooperation', 'APEC'],
    ['G-20 major economies', 'G-20', 'G20'],
    ['United Nations', 'UN']
  ]
}
const navy = {
  kind: 'equipment',
  answer: 'BTR-60, Ural-4320, Mi-17/Mi-8 and 9K38 Igla',
  accept: [],
  parts: [['BTR-60'], ['Ural-4320'], ['Mi-17/Mi-8', 'Mi-17', 'Mi-8'], ['9K38 Igla', 'Igla']]
}
const powerMachines = {
  kind: 'company',
  answer: 'Russian company, operating in Mexico',
  accept: [],
  parts: [
    ['Russia', 'Russian'],
    ['Mexico', 'Mexican']
  ],
  ordered: true
}

describe('normalizeAnswer and editDistance', () => {
  it.each([
    ['Lázaro Cárdenas', 'lazaro cardenas'],
    ['  The  Treaty of Tlatelolco! ', 'treaty of tlatelolco'],
    ['Mi-17/Mi-8', 'mi 17 mi 8'],
    ['CANCÚN', 'cancun']
  ])('normalizes %j to %j', (input, out) => expect(normalizeAnswer(input)).toBe(out))

  it.each([
    ['trotsky', 'trotsky', 0],
    ['trotksy', 'trotsky', 1],
    ['trotsk', 'trotsky', 1],
    ['kahlo', 'kalho', 1],
    ['abc', 'xyz', 3]
  ])('%s → %s is %d edits', (a, b, n) => expect(editDistance(a, b)).toBe(n))
})

describe('gradeTyped', () => {
  it.each([
    ['Lázaro Cárdenas', cardenas, true],
    ['Lazaro Cardenas', cardenas, true],
    ['lazaro cardenas', cardenas, true],
    ['Lazaro Cardenaz', cardenas, true],
    ['Cardenas', cardenas, true],
    ['Lazaro', cardenas, false],
    ['Trotksy', trotsky, true],
    ['trotsky', trotsky, true],
    ['Leon Trotski', trotsky, true],
    ['Stalin', trotsky, false],
    ['Alexander I', alexander, true],
    ['Alexander III', alexander, false],
    ['I', alexander, false],
    ['1812', fortRoss, true],
    ['1813', fortRoss, false],
    ['1821', fortRoss, false],
    ['baikonur', baikonur, true],
    ['Baikonor', baikonur, true],
    ['armored personnel carrier', btr, true],
    ['truck', btr, false],
    ['', btr, false]
  ])('%j → %s', (attempt, card, correct) => {
    expect(gradeTyped(attempt, card).correct).toBe(correct)
  })

  it.each([
    // Lists: any order, separators "," "and" "&" ";", every item once and nothing else.
    ['Diego Rivera and Frida Kahlo', painters, true],
    ['Frida Kahlo, Diego Rivera', painters, true],
    ['frida kahlo & diego rivera', painters, true],
    ['Kahlo, Rivera', painters, true],
    ['Frida Kalho and Diego Rivera', painters, true],
    ['Frida Kahlo', painters, false],
    ['Frida Kahlo, Diego Rivera, Leon Trotsky', painters, false],
    ['Frida Kahlo, Frida Kahlo', painters, false],
    ['UN, APEC and G20', members, true],
    ['the United Nations; G-20 & Asia-Pacific Economic Cooperation', members, true],
    ['APEC, G20', members, false],
    ['APEC, G20, NATO', members, false],
    ["Igla, Mi-8, Ural-4320s and BTR-60's", navy, true],
    ['BTR-60, Ural-4320, Mi-17', navy, false],
    // Two parts in order: where it is from, then where it operates.
    ['Russian company, operating in Mexico', powerMachines, true],
    ['Russia, Mexico', powerMachines, true],
    ['from Rusia, operates in Mexico', powerMachines, true],
    ['Russian company in Mexico', powerMachines, true],
    ['Russia', powerMachines, false],
    ['Russian', powerMachines, false],
    ['Mexico, Russia', powerMachines, false],
    ['Mexican company, operating in Russia', powerMachines, false]
  ])('list and two-part answers: %j → %s', (attempt, card, correct) => {
    expect(gradeTyped(attempt, card).correct).toBe(correct)
  })

  it('says when an answer was exact', () => {
    expect(gradeTyped('Lazaro Cardenas', cardenas).exact).toBe(true)
    expect(gradeTyped('Lazaro Cardenaz', cardenas).exact).toBe(false)
  })
})

describe('parseNumber and gradeNumeric', () => {
  it.each([
    ['1.784 billion', 1.784e9],
    ['1,784 million', 1.784e9],
    ['1784000000', 1.784e9],
    ['US$1.784 billion', 1.784e9],
    ['$1,784,000,000', 1.784e9],
    ['1 784 000 000', 1.784e9],
    ['1.8bn', 1.8e9],
    ['77,000', 77000],
    ['about 77000', 77000],
    ['77 thousand', 77000],
    ['77k', 77000],
    ['3rd', 3],
    ['third', 3],
    ['1,5', 1.5],
    ['1.784,5', 1784.5],
    ['many', null],
    ['12 apples', null]
  ])('%j reads as %s', (text, value) => {
    const parsed = parseNumber(text)
    if (value === null) expect(parsed).toBeNull()
    else expect(parsed).toBeCloseTo(value, 3)
  })

  it.each([
    ['1.784 billion', 1.784e9, true],
    ['1.8 billion', 1.784e9, true],
    ['1.7 billion', 1.784e9, true],
    ['1.6 billion', 1.784e9, false],
    ['1,784 billion', 1.784e9, false],
    ['78,000', 77000, true],
    ['90,000', 77000, false],
    ['3rd', 3, true],
    ['4th', 3, false],
    ['nothing', 3, false]
  ])('%j against %d → %s', (text, expected, correct) => {
    expect(gradeNumeric(text, expected).correct).toBe(correct)
  })
})

describe('gradeOrder', () => {
  const key = (n: number) => n
  it.each([
    [[1, 2, 3, 4], 6, true],
    [[2, 1, 3, 4], 5, true],
    [[2, 1, 4, 3], 4, false],
    [[4, 3, 2, 1], 0, false],
    [[1, 2, 3, 4, 6, 5], 14, true],
    [[1, 1, 2, 3], 6, true]
  ])('%j has %d pairs right', (placed, correct, pass) => {
    const grade = gradeOrder(placed, key)
    expect(grade.correct).toBe(correct)
    expect(grade.pass).toBe(pass)
  })
})

describe('misplaced', () => {
  const key = (n: number) => n
  it.each([
    [[1, 2, 3, 4, 5], []],
    [[1, 2, 5, 3, 4], [2]],
    [[5, 1, 2, 3, 4], [0]],
    [
      [5, 4, 3, 2, 1],
      [1, 2, 3, 4]
    ],
    [[1, 1, 2, 3], []],
    [[], []]
  ])('in %j, Again goes to the items at %j', (placed, wrong) => {
    expect(misplaced(placed, key)).toEqual(wrong)
  })
  it('marks one of two swapped neighbours, not both', () => {
    expect(misplaced([2, 1, 3, 4, 5], key)).toHaveLength(1)
  })
})
