import { describe, expect, it } from 'vitest'
import { eventLabel, eventSpan, formatEventDate } from './dates'
import { event, year } from './test-support/events'

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
