import { describe, expect, it } from 'vitest'
import { DEFAULT_SERIES_OPTIONS, layoutSeries } from './series-layout'
import { seriesPoints } from './trade-data'
import { packWithSeries } from './test-pack'

const series = packWithSeries().trade.series
if (!series) throw new Error('no series')
const points = seriesPoints(series)
const layout = layoutSeries(points)

describe('series layout', () => {
  it('draws exports, imports and balance as lines through every year', () => {
    expect(layout.lines.map((l) => l.key)).toEqual(['exports', 'imports', 'balance'])
    for (const l of layout.lines) {
      // One move and a segment to each following year.
      expect(l.path.match(/[ML]/g)).toHaveLength(points.length)
    }
  })

  it('maps the first and last years to the plot edges', () => {
    expect(layout.xOf(2012)).toBe(DEFAULT_SERIES_OPTIONS.margin.left)
    expect(layout.xOf(2014)).toBe(
      DEFAULT_SERIES_OPTIONS.width - DEFAULT_SERIES_OPTIONS.margin.right
    )
  })

  it('includes zero and the negative balance in the value axis', () => {
    expect(layout.zeroY).toBeLessThan(layout.plot.bottom)
    expect(layout.yOf(-400)).toBeLessThanOrEqual(layout.plot.bottom)
    expect(layout.yOf(1200)).toBeGreaterThanOrEqual(layout.plot.top)
    expect(layout.yTicks.some((t) => t.value < 0)).toBe(true)
  })

  it('places the balance line below zero where imports exceed exports', () => {
    const balance = layout.lines.find((l) => l.key === 'balance')
    const firstY = Number(/^M[\d.]+,([\d.]+)/.exec(balance?.path ?? '')?.[1])
    expect(firstY).toBeCloseTo(layout.yOf(-370))
    expect(firstY).toBeGreaterThan(layout.zeroY)
  })

  it('labels whole years only', () => {
    expect(layout.xTicks.map((t) => t.year)).toEqual([2012, 2013, 2014])
  })
})
