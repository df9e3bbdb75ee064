import { describe, expect, it } from 'vitest'
import type { EventDate, StudyEvent } from '$shared/pack-schema'
import {
  DAY_MS,
  YEAR_MS,
  buildIndex,
  candidateRange,
  eventLabel,
  eventSpan,
  fitWindow,
  formatEventDate,
  generateTicks,
  layoutEras,
  layoutLabels,
  panWindow,
  timeScale,
  visibleItems,
  windowWords,
  zoomAnchor,
  zoomWindow,
  type TimeWindow
} from './timeline-layout'

const event = (id: string, date: EventDate, title = id): StudyEvent => ({
  id,
  title,
  summary: 'A summary.',
  date,
  dateText: 'text',
  era: 'era',
  themes: ['diplomacy'],
  entityIds: [],
  paragraphId: 'p-1',
  citations: []
})

const year = (y: number) => Date.UTC(y, 0, 1)
const bounds: TimeWindow = { start: year(1800), end: year(2025) }

describe('placement by precision', () => {
  it('a year spans its year, a month its month, a range its years, a day is a point', () => {
    expect(eventSpan({ precision: 'year', year: 1812 })).toEqual({
      start: year(1812),
      end: year(1813),
      point: false
    })
    expect(eventSpan({ precision: 'month', year: 1924, month: 8 })).toEqual({
      start: Date.UTC(1924, 7, 1),
      end: Date.UTC(1924, 8, 1),
      point: false
    })
    expect(eventSpan({ precision: 'month', year: 1991, month: 12 }).end).toBe(year(1992))
    expect(eventSpan({ precision: 'range', year: 1910, endYear: 1920 })).toEqual({
      start: year(1910),
      end: year(1921),
      point: false
    })
    const day = eventSpan({ precision: 'day', year: 1890, month: 12, day: 1 })
    expect(day.point).toBe(true)
    expect(day.start).toBe(day.end)
    expect(new Date(day.start).toISOString().slice(0, 10)).toBe('1890-12-01')
  })

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

  it('labels and dates read as the source gives them', () => {
    expect(formatEventDate({ precision: 'day', year: 1930, month: 1, day: 26 })).toBe(
      '26 January 1930'
    )
    expect(formatEventDate({ precision: 'month', year: 1924, month: 8 })).toBe('August 1924')
    expect(formatEventDate({ precision: 'range', year: 1910, endYear: 1920 })).toBe('1910–1920')
    expect(eventLabel(event('f', { precision: 'year', year: 1812 }, 'Fort Ross established'))).toBe(
      'Fort Ross established, 1812'
    )
  })
})

/** Events spread evenly over 1800–2025, one every `step` days. */
function spread(count: number): StudyEvent[] {
  const step = (year(2025) - year(1800)) / count
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(year(1800) + i * step)
    return event(`e${i}`, {
      precision: i % 4 === 0 ? 'day' : i % 4 === 1 ? 'month' : 'year',
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate()
    } as EventDate)
  })
}

describe('visible-range query', () => {
  const index = buildIndex([
    ...spread(10_000),
    event('long', { precision: 'range', year: 1900, endYear: 1950 })
  ])

  it('finds exactly the events that overlap the window', () => {
    const window = { start: year(1940), end: year(1941) }
    const expected = index.items.filter((i) => i.end >= window.start && i.start <= window.end)
    const found = visibleItems(index, window)
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
    expect(visibleItems(index, { start: year(2030), end: year(2031) })).toEqual([])
  })
})

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

describe('label rows', () => {
  const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
    a.x0 < b.x1 && b.x0 < a.x1

  it('no two labels overlap and every visible event is either labelled or counted', () => {
    const index = buildIndex(spread(3000))
    for (const window of [bounds, { start: year(1900), end: year(1910) }]) {
      const scale = timeScale(window, 1200)
      const items = visibleItems(index, window)
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
      const items = visibleItems(index, window)
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

describe('zoom, pan and fit', () => {
  it('zooming keeps the time under the cursor in place and stays within bounds', () => {
    const window = { start: year(1900), end: year(2000) }
    const anchor = year(1925)
    const zoomed = zoomWindow(window, anchor, 0.5, bounds)
    const before = timeScale(window, 1000)(new Date(anchor))
    const after = timeScale(zoomed, 1000)(new Date(anchor))
    expect(after).toBeCloseTo(before, 6)
    expect(zoomed.end - zoomed.start).toBeCloseTo((50 * (window.end - window.start)) / 100, -3)
    expect(zoomWindow(window, anchor, 100, bounds)).toEqual(bounds)
    const tiny = zoomWindow(window, anchor, 1e-9, bounds)
    expect(tiny.end - tiny.start).toBeCloseTo(60 * DAY_MS, -3)
  })

  it('a zoom step without a pointer keeps the focused, else the selected, event in place', () => {
    const window = { start: year(1860), end: year(1880) }
    const [before, inside, other] = buildIndex([
      event('before', { precision: 'year', year: 1850 }),
      event('inside', { precision: 'year', year: 1862 }),
      event('other', { precision: 'year', year: 1875 })
    ]).items
    const mid = (window.start + window.end) / 2
    expect(zoomAnchor(window, [])).toBe(mid)
    expect(zoomAnchor(window, [undefined, undefined])).toBe(mid)
    expect(zoomAnchor(window, [inside, other])).toBe((year(1862) + year(1863)) / 2)
    expect(zoomAnchor(window, [undefined, other])).toBe((year(1875) + year(1876)) / 2)
    // An event out of the window is passed over: the zoom must not jump away from the view.
    expect(zoomAnchor(window, [before, other])).toBe((year(1875) + year(1876)) / 2)
    expect(zoomAnchor(window, [before])).toBe(mid)
    // Zooming all the way in around the focused event keeps it in the window.
    let w: TimeWindow = window
    for (let i = 0; i < 20; i++) w = zoomWindow(w, zoomAnchor(w, [inside]), 1 / 1.6, bounds)
    expect(visibleItems(buildIndex([inside!.event]), w)).toHaveLength(1)
  })

  it('a window reads as years, or as months when it is short', () => {
    expect(windowWords({ start: year(1865), end: year(1866) + 40 * DAY_MS })).toEqual({
      from: 'January 1865',
      to: 'February 1866'
    })
    expect(windowWords({ start: year(1865), end: year(1890) })).toEqual({
      from: '1865',
      to: '1890'
    })
  })

  it('panning stops at the ends of the axis', () => {
    const window = { start: year(1800), end: year(1850) }
    expect(panWindow(window, -10 * YEAR_MS, bounds)).toEqual(window)
    const moved = panWindow(window, 10 * YEAR_MS, bounds)
    expect(moved.start).toBe(window.start + 10 * YEAR_MS)
  })

  it('fit shows every item', () => {
    const items = buildIndex([
      event('a', { precision: 'year', year: 1926 }),
      event('b', { precision: 'day', year: 1930, month: 1, day: 26 })
    ]).items
    const fit = fitWindow(items, bounds)
    expect(fit.start).toBeLessThan(year(1926))
    expect(fit.end).toBeGreaterThan(Date.UTC(1930, 0, 26))
    expect(fit.end - fit.start).toBeLessThan(6 * YEAR_MS)
    expect(fitWindow([], bounds)).toEqual(bounds)
  })
})

describe('era bands', () => {
  it('overlapping eras get a row of their own; touching ones share a row', () => {
    const bands = layoutEras(
      [
        { id: 'imperial', label: 'Imperial', start: 1890, end: 1917 },
        { id: 'revolutions', label: 'Revolutions', start: 1910, end: 1920 },
        { id: 'soviet', label: 'Soviet', start: 1922, end: 1991 },
        { id: 'federation', label: 'Federation', start: 1991 }
      ],
      new Date(Date.UTC(2025, 0, 1))
    )
    const row = (id: string) => bands.find((b) => b.era.id === id)?.row
    expect(row('imperial')).toBe(0)
    expect(row('revolutions')).toBe(1)
    expect(row('soviet')).toBe(0)
    expect(row('federation')).toBe(0)
    expect(bands.find((b) => b.era.id === 'federation')?.end).toBe(year(2025))
  })
})
