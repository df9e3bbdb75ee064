import { describe, expect, it } from 'vitest'
import { buildIndex, candidateRange, type TimelineIndex } from './event-index'
import { layoutLabels } from './label-packing'
import { timeScale, type TimeWindow } from './time-window'
import { event, spread, year } from './test-support/events'

const bounds: TimeWindow = { start: year(1800), end: year(2025) }

/** The events that overlap a window, found the slow way: every event is looked at. */
const visibleIn = (index: TimelineIndex, window: TimeWindow) =>
  index.items.filter((i) => i.end >= window.start && i.start <= window.end)

describe('label rows', () => {
  it('on the scale a year event is as wide as its year, a day event has no width', () => {
    const scale = timeScale({ start: year(1800), end: year(1900) }, 1000)
    const index = buildIndex([
      event('y', { precision: 'year', year: 1850 }),
      event('d', { precision: 'day', year: 1850, month: 6, day: 1 })
    ])
    const layout = layoutLabels(index.items, scale, { width: 1000, rows: 4, measure: () => 40 })
    const y = layout.placed.find((p) => p.item.id === 'y')
    const d = layout.placed.find((p) => p.item.id === 'd')
    expect(y && y.markerX1 - y.markerX0).toBeCloseTo(10, 0)
    expect(d && d.markerX1 - d.markerX0).toBe(0)
  })

  const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
    a.x0 < b.x1 && b.x0 < a.x1

  it('no two labels overlap and every visible event is either labelled or counted', () => {
    const index = buildIndex(spread(3000))
    for (const window of [bounds, { start: year(1900), end: year(1910) }]) {
      const scale = timeScale(window, 1200)
      const items = visibleIn(index, window)
      const layout = layoutLabels(items, scale, {
        width: 1200,
        rows: 8,
        measure: (i) => 6 * i.label.length
      })
      for (const a of layout.placed) {
        expect(a.row).toBeGreaterThanOrEqual(0)
        expect(a.row).toBeLessThan(8)
        expect(a.end).toBeGreaterThanOrEqual(a.labelX + a.labelWidth)
        for (const b of layout.placed) {
          if (a === b || a.row !== b.row) continue
          expect(overlaps({ x0: a.labelX, x1: a.end }, { x0: b.labelX, x1: b.end })).toBe(false)
        }
      }
      const clusters = layout.clusters.map((c) => ({ x0: c.x, x1: c.x + c.width }))
      clusters.forEach((a, i) =>
        clusters.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false))
      )
      const counted = layout.clusters.reduce((n, c) => n + c.count, 0)
      expect(layout.placed.length + counted).toBe(items.length)
    }
  })

  it('laying out a slice of the index gives the same labels as laying out the visible events', () => {
    const index = buildIndex([
      ...spread(5000),
      event('long', { precision: 'range', year: 1900, endYear: 1950 })
    ])
    for (const window of [bounds, { start: year(1930), end: year(1936) }]) {
      const scale = timeScale(window, 1200)
      const options = {
        width: 1200,
        rows: 6,
        measure: (i: { label: string }) => 6 * i.label.length
      }
      const items = visibleIn(index, window)
      const expected = layoutLabels(items, scale, options)
      const [first, last] = candidateRange(index, window)
      const sliced = layoutLabels(index.items, scale, options, first, last, window.start)
      const summary = (l: typeof expected) => l.placed.map((p) => [p.item.id, p.row, p.labelX])
      expect(summary(sliced)).toEqual(summary(expected))
      // Clusters agree, their first and last events named by id (the arrays differ).
      const named = (l: typeof expected, source: readonly { id: string }[]) =>
        l.clusters.map((c) => ({ ...c, first: source[c.first]?.id, last: source[c.last]?.id }))
      expect(named(sliced, index.items)).toEqual(named(expected, items))
      // Every unlabelled event is in the density strip's spans, marker start before marker end.
      expect(sliced.hiddenCount).toBe(items.length - sliced.placed.length)
      for (let h = 0; h < sliced.hiddenCount; h++) {
        expect(sliced.hiddenSpans[2 * h]).toBeLessThanOrEqual(
          sliced.hiddenSpans[2 * h + 1] as number
        )
      }
    }
  })

  it('stacks close events into rows, and folds the rest into "+N" clusters', () => {
    const scale = timeScale({ start: year(1900), end: year(1910) }, 1000)
    const items = buildIndex(
      Array.from({ length: 6 }, (_, i) => event(`e${i}`, { precision: 'year', year: 1901 }))
    ).items
    const layout = layoutLabels(items, scale, { width: 1000, rows: 3, measure: () => 80 })
    expect(layout.placed.map((p) => p.row)).toEqual([0, 1, 2])
    expect(layout.clusters).toHaveLength(1)
    expect(layout.clusters[0]?.count).toBe(3)
    // The cluster knows where its events are, so its badge can name them.
    expect(layout.clusters[0]).toMatchObject({ first: 3, last: 5 })
  })

  it('the pinned (focused) event always gets a label', () => {
    const scale = timeScale({ start: year(1900), end: year(1910) }, 1000)
    const items = buildIndex(
      Array.from({ length: 6 }, (_, i) => event(`e${i}`, { precision: 'year', year: 1901 }))
    ).items
    const layout = layoutLabels(items, scale, {
      width: 1000,
      rows: 2,
      measure: () => 80,
      pinnedId: 'e5'
    })
    expect(layout.placed.find((p) => p.item.id === 'e5')?.row).toBe(0)
    const rows0 = layout.placed.filter((p) => p.row === 0)
    expect(rows0).toHaveLength(1)
  })
})
