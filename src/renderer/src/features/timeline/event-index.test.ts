import { describe, expect, it } from 'vitest'
import {
  buildIndex,
  candidateRange,
  countVisible,
  positionOf,
  type TimelineIndex
} from './event-index'
import type { TimeWindow } from './time-window'
import { event, spread, year } from './test-support/events'
import { DAY_MS } from '../../domain/study-queue'

/** The events that overlap a window, found the slow way: every event is looked at. */
const visibleIn = (index: TimelineIndex, window: TimeWindow) =>
  index.items.filter((i) => i.end >= window.start && i.start <= window.end)

describe('visible-range query', () => {
  const index = buildIndex([
    ...spread(10_000),
    event('long', { precision: 'range', year: 1900, endYear: 1950 })
  ])

  it('finds exactly the events that overlap the window', () => {
    const window = { start: year(1940), end: year(1941) }
    const [first, last] = candidateRange(index, window)
    const found = index.items.slice(first, last).filter((i) => i.end >= window.start)
    const expected = visibleIn(index, window)
    expect(found.map((i) => i.id)).toEqual(expected.map((i) => i.id))
    // A range that started long before the window and is still running is visible.
    expect(found.some((i) => i.id === 'long')).toBe(true)
  })

  it('looks only at events near the window, however many there are off-screen', () => {
    const [first, last] = candidateRange(index, { start: year(1990), end: year(1991) })
    // The longest event is 51 years, so at most ~52 years' worth of events are examined.
    expect(last - first).toBeLessThan((10_000 * 53) / 225)
    const [f2, l2] = candidateRange(index, { start: year(1990), end: year(1990) + 30 * DAY_MS })
    expect(l2 - f2).toBeLessThan(last - first + 1)
    expect(countVisible(index, { start: year(2030), end: year(2031) })).toBe(0)
  })
})

describe('positions', () => {
  it('finds an event by id, and says -1 for an unknown or missing one', () => {
    const index = buildIndex([
      event('b', { precision: 'year', year: 1900 }),
      event('a', { precision: 'year', year: 1850 })
    ])
    expect(positionOf(index, 'a')).toBe(0)
    expect(positionOf(index, 'b')).toBe(1)
    expect(positionOf(index, 'x')).toBe(-1)
    expect(positionOf(index, undefined)).toBe(-1)
    expect(countVisible(index, { start: year(1840), end: year(1860) })).toBe(1)
  })
})
