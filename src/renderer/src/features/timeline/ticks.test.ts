import { describe, expect, it } from 'vitest'
import { YEAR_MS } from './dates'
import { generateTicks } from './ticks'
import { timeScale, type TimeWindow } from './time-window'
import { year } from './test-support/events'

const bounds: TimeWindow = { start: year(1800), end: year(2025) }

describe('ticks', () => {
  it('the unit gets finer as the window narrows', () => {
    const unitAt = (span: number) =>
      generateTicks(timeScale({ start: year(1900), end: year(1900) + span }, 1200)).unit
    expect(unitAt(225 * YEAR_MS)).toBe('decade')
    expect(unitAt(600 * YEAR_MS)).toBe('century')
    expect(unitAt(10 * YEAR_MS)).toBe('year')
    expect(unitAt(1 * YEAR_MS)).toBe('month')
  })

  it('labels ticks by their unit and keeps them inside the window, in order', () => {
    const scale = timeScale({ start: Date.UTC(1923, 9, 15), end: Date.UTC(1924, 9, 15) }, 1200)
    const { unit, ticks, minor } = generateTicks(scale)
    expect(unit).toBe('month')
    expect(ticks.map((t) => t.label)).toEqual([
      'Nov',
      'Dec',
      '1924',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct'
    ])
    expect(ticks.find((t) => t.label === '1924')?.strong).toBe(true)
    expect(ticks.every((t, i) => i === 0 || t.x > (ticks[i - 1]?.x ?? 0))).toBe(true)
    expect(ticks.every((t) => t.x >= 0 && t.x <= 1200)).toBe(true)
    expect(minor).toEqual([])
    const decades = generateTicks(timeScale(bounds, 1200))
    expect(decades.ticks[0]?.label).toBe('1800')
    expect(decades.minor.length).toBeGreaterThan(200)
  })
})
