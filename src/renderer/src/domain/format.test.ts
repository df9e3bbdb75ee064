import { describe, expect, it } from 'vitest'
import { formatCount, formatCountOf, formatDuration, formatSessionTime } from './format'

describe('formatDuration (totals)', () => {
  it('reads as seconds, minutes, then hours and minutes', () => {
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(12 * 60_000)).toBe('12 min')
    expect(formatDuration(185 * 60_000)).toBe('3 h 05 min')
  })
})

describe('formatSessionTime (a session)', () => {
  it('keeps the seconds once past a minute', () => {
    expect(formatSessionTime(9_400)).toBe('9 s')
    expect(formatSessionTime(245_000)).toBe('4 min 05 s')
  })
})

describe('formatCount', () => {
  it('groups thousands as en-US does, for every size and sign', () => {
    for (const n of [
      0, 7, 999, 1000, 7700, 10_000, 77_000, 123_456, 1_000_000, 98_765_432, -4321
    ]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
    }
  })
  it('rounds to a whole number first', () => {
    expect(formatCount(7699.6)).toBe('7,700')
    expect(formatCount(-0.2)).toBe('0')
  })
})

describe('formatCountOf', () => {
  it('puts the noun in the singular for one only, and groups the count', () => {
    expect(formatCountOf(1, 'card')).toBe('1 card')
    expect(formatCountOf(0, 'card')).toBe('0 cards')
    expect(formatCountOf(100_000, 'card state')).toBe('100,000 card states')
    expect(formatCountOf(2, 'other computer')).toBe('2 other computers')
    expect(formatCountOf(3, 'child', 'children')).toBe('3 children')
  })
})
