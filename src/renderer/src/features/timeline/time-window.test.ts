import { describe, expect, it } from 'vitest'
import { YEAR_MS } from './dates'
import { buildIndex, countVisible } from './event-index'
import {
  fitWindow,
  panWindow,
  timeScale,
  transformToWindow,
  windowShowing,
  windowToTransform,
  windowWords,
  zoomAnchor,
  zoomWindow,
  type TimeWindow
} from './time-window'
import { event, year } from './test-support/events'
import { DAY_MS } from '../../domain/study-queue'

const bounds: TimeWindow = { start: year(1800), end: year(2025) }

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
    expect(countVisible(buildIndex([inside!.event]), w)).toBe(1)
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

describe('windows and zoom transforms', () => {
  it('a window and its d3-zoom transform map to each other', () => {
    const window = { start: year(1900), end: year(1950) }
    const t = windowToTransform(window, bounds, 1000)
    expect(t.k).toBeCloseTo(4.5, 1)
    const back = transformToWindow(t, bounds, 1000)
    expect(back.start).toBeCloseTo(window.start, -3)
    expect(back.end).toBeCloseTo(window.end, -3)
    expect(windowToTransform(bounds, bounds, 800)).toEqual({ k: 1, x: -0 })
  })

  it('moving to an event keeps the window while it is well inside, else centres it', () => {
    const window = { start: year(1900), end: year(1950) }
    const [inside, edge, far] = buildIndex([
      event('inside', { precision: 'year', year: 1920 }),
      event('edge', { precision: 'year', year: 1949 }),
      event('far', { precision: 'year', year: 1990 })
    ]).items
    expect(windowShowing(window, inside!, bounds)).toBe(window)
    for (const item of [edge!, far!]) {
      const moved = windowShowing(window, item, bounds)
      expect(moved.end - moved.start).toBeCloseTo(window.end - window.start, -3)
      expect(moved.start).toBeLessThan(item.start)
      expect(moved.end).toBeGreaterThan(item.end)
    }
  })
})
