import { describe, expect, it } from 'vitest'
import { ellipsize, layoutEras, placeEraLabel, twoLines } from './era-bands'
import { year } from './test-support/events'

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

describe('fitting a band label to its band', () => {
  const measure = (s: string) => 7 * s.length

  it('keeps a label that fits, and cuts one that does not with an ellipsis', () => {
    expect(ellipsize('Soviet Union', 200, measure)).toBe('Soviet Union')
    const cut = ellipsize('Russian Federation', 80, measure)
    expect(cut).toBe('Russian Fe…')
    expect(measure(cut)).toBeLessThanOrEqual(80)
  })

  it('gives nothing when not even a letter fits', () => {
    expect(ellipsize('Imperial Russia', 10, measure)).toBe('')
    expect(ellipsize('Imperial Russia', 14, measure)).toBe('I…')
  })
})

describe('where an era is named', () => {
  const measure = (s: string) => 7 * s.length
  const eras = layoutEras(
    [
      { id: 'imperial', label: 'Imperial Russia', start: 1890, end: 1917 },
      { id: 'revolutions', label: 'The revolutions', start: 1910, end: 1920 },
      { id: 'soviet', label: 'Soviet Union', start: 1922, end: 1991 }
    ],
    new Date(Date.UTC(2025, 0, 1))
  )
  const band = (id: string) => eras.find((b) => b.era.id === id)!
  /** An axis on which a year is `px` pixels wide, starting in 1880. */
  const axis = (px: number) => (t: number) => ((t - year(1880)) / (year(1881) - year(1880))) * px

  it('a name that fits its band is written whole, on one line', () => {
    expect(placeEraLabel(band('imperial'), eras, axis(10), 1000, measure)).toMatchObject({
      lines: ['Imperial Russia'],
      backed: false
    })
  })

  it('a narrow band breaks its name over two lines rather than cutting a word', () => {
    // 28 years at 3.4 px: 95 px, too narrow for "Imperial Russia" (105 px) on one line.
    const label = placeEraLabel(band('imperial'), eras, axis(3.4), 1000, measure)
    expect(label?.lines).toEqual(['Imperial', 'Russia'])
    expect(label?.ys).toHaveLength(2)
    expect(twoLines('Russian Federation', 80, measure)).toEqual(['Russian', 'Federation'])
    expect(twoLines('Russian Federation', 60, measure)).toBeUndefined()
    expect(twoLines('USSR', 100, measure)).toBeUndefined()
  })

  it("an overlapping era's name goes beside its thin band, never over the next band", () => {
    const label = placeEraLabel(band('revolutions'), eras, axis(10), 1000, measure)
    // The band runs from x = 300 to 410: the name is set after it, on its backing.
    expect(label?.x).toBeGreaterThan(410)
    expect(label?.backed).toBe(true)
    expect(label?.lines).toEqual(['The revolutions'])
    // A band off screen is not named.
    expect(placeEraLabel(band('soviet'), eras, axis(10), 300, measure)).toBeUndefined()
  })
})
