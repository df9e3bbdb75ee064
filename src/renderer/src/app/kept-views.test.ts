import { describe, expect, it } from 'vitest'
import { parseHash } from '../lib/route'
import { nextOpened, type OpenedView } from './kept-views'

const KEPT = new Set(['reader', 'timeline', 'trade'])
const keep = (id: string) => KEPT.has(id)

/** Follows a list of hashes from an empty shell, as the router changes them. */
function follow(hashes: string[], start: OpenedView[] = []) {
  let serial = 0
  let opened = start
  let previous = ''
  for (const hash of hashes) {
    const route = parseHash(hash)
    opened = nextOpened(opened, route, previous, keep, () => ++serial)
    previous = route.view
  }
  return opened
}

describe('nextOpened', () => {
  it('keeps a left view that is kept alive, with the route it was last shown with', () => {
    const opened = follow(['#/reader', '#/timeline?theme=trade', '#/trade'])
    expect(opened.map((p) => [p.id, p.serial])).toEqual([
      ['reader', 1],
      ['timeline', 2],
      ['trade', 3]
    ])
    expect(opened[1]?.route.query.get('theme')).toBe('trade')
  })

  it('reuses a kept page when its view comes back, with the new route', () => {
    const opened = follow(['#/timeline', '#/reader', '#/timeline?theme=war'])
    const timeline = opened.find((p) => p.id === 'timeline')
    expect(timeline?.serial).toBe(1)
    expect(timeline?.route.query.get('theme')).toBe('war')
  })

  it('keeps the route object when the same place comes back, so the page derives nothing again', () => {
    let serial = 0
    const first = nextOpened([], parseHash('#/reader'), '', keep, () => ++serial)
    const away = nextOpened(first, parseHash('#/trade'), 'reader', keep, () => ++serial)
    const back = nextOpened(away, parseHash('#/reader'), 'trade', keep, () => ++serial)
    expect(back.find((p) => p.id === 'reader')?.route).toBe(first[0]?.route)
  })

  it('drops a view that is not kept once it is left', () => {
    const opened = follow(['#/reader', '#/study', '#/progress'])
    expect(opened.map((p) => p.id)).toEqual(['reader', 'progress'])
  })

  it('draws a kept view again when a link from another view goes to a place in it', () => {
    const opened = follow(['#/reader', '#/timeline', '#/reader/p-trade-1'])
    const reader = opened.find((p) => p.id === 'reader')
    expect(reader?.serial).toBe(3)
    expect(reader?.route.path).toEqual(['p-trade-1'])
  })

  it('keeps the page for a place reached within the view itself', () => {
    const opened = follow(['#/timeline', '#/timeline/1812-fort-ross', '#/timeline/1991-x'])
    expect(opened).toHaveLength(1)
    expect(opened[0]?.serial).toBe(1)
    expect(opened[0]?.route.path).toEqual(['1991-x'])
  })
})
