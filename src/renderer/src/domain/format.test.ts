import { describe, expect, it } from 'vitest'
import { formatDuration, formatSessionTime } from './format'

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
