import { describe, expect, it } from 'vitest'
import { CELL, GAP, layoutForecast, layoutHeatmap } from './chart-layout'
import type { ForecastDay, HeatmapDay } from '../../domain/stats'

const day = (i: number, count: number, start = new Date(2026, 0, 4 + i).getTime()): HeatmapDay => ({
  key: String(i),
  start,
  count,
  week: Math.floor(i / 7),
  weekday: i % 7
})

describe('layoutHeatmap', () => {
  it('puts weeks in columns and weekdays in rows, and shades by quartile of the busiest day', () => {
    const days = Array.from({ length: 15 }, (_, i) => day(i, [0, 1, 2, 4, 8][i % 5]!))
    const layout = layoutHeatmap(days)
    const [a, b] = [layout.cells[0]!, layout.cells[8]!]
    expect(b.x - a.x).toBe(CELL + GAP)
    expect(b.y - a.y).toBe(CELL + GAP)
    expect(layout.max).toBe(8)
    expect(layout.cells.slice(0, 5).map((c) => c.level)).toEqual([0, 1, 1, 2, 4])
    expect(layout.months[0]?.label).toBe('Jan')
  })
})

describe('layoutForecast', () => {
  it('draws a bar per day, taller for more cards, with whole-number ticks', () => {
    const days: ForecastDay[] = Array.from({ length: 30 }, (_, offset) => ({
      offset,
      key: String(offset),
      count: offset === 0 ? 3 : offset === 1 ? 1 : 0
    }))
    const layout = layoutForecast(days)
    expect(layout.bars).toHaveLength(30)
    expect(layout.bars[0]!.height).toBeGreaterThan(layout.bars[1]!.height)
    expect(layout.bars[2]!.height).toBe(0)
    expect(layout.yTicks.every((t) => Number.isInteger(t.value))).toBe(true)
    expect(layout.xTicks.map((t) => t.label)).toEqual(['Today', '+7d', '+14d', '+21d', '+28d'])
  })
})
