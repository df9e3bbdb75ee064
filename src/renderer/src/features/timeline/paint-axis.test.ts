import { describe, expect, it } from 'vitest'
import { buildFrame } from './axis-frame'
import { layoutEras } from './era-bands'
import { buildIndex } from './event-index'
import { wheelZoomDelta } from './gestures'
import { paintAxis, type PaintContext } from './paint-axis'
import type { Palette } from './palette'
import { event, spread, year } from './test-support/events'

const palette: Palette = {
  surface: 'surface',
  sunken: 'sunken',
  text: 'text',
  muted: 'muted',
  border: 'border',
  accent: 'accent',
  accentSoft: 'accent-soft',
  accent2: 'accent-2',
  accent2Soft: 'accent-2-soft',
  focus: 'focus',
  mastery: ['m0', 'm1', 'm2', 'm3']
}

/** A 2D context that records what is drawn: each call with the fill colour in force. */
function recorder() {
  const calls: { op: string; fill: string; args: unknown[] }[] = []
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    globalAlpha: 1,
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    measureText: (text: string) => ({ width: 7 * text.length })
  } as Record<string, unknown>
  for (const op of ['fillRect', 'fillText', 'beginPath', 'arc', 'roundRect', 'fill', 'stroke']) {
    ctx[op] = (...args: unknown[]) => calls.push({ op, fill: String(ctx.fillStyle), args })
  }
  return { ctx: ctx as unknown as PaintContext, calls }
}

const eras = layoutEras(
  [
    { id: 'imperial', label: 'Imperial Russia', start: 1890, end: 1917 },
    { id: 'soviet', label: 'Soviet Union', start: 1922, end: 1991 }
  ],
  new Date(Date.UTC(2025, 0, 1))
)

describe('the axis painter', () => {
  it('draws one marker per labelled event, in its mastery colour, and rings the selected one', () => {
    const index = buildIndex([
      event('day', { precision: 'day', year: 1900, month: 5, day: 1 }),
      event('year', { precision: 'year', year: 1930 })
    ])
    const frame = buildFrame({
      index,
      window: { start: year(1880), end: year(2000) },
      width: 1000,
      height: 460,
      bands: eras,
      measure: () => 60,
      pinnedId: undefined,
      selectedId: 'year'
    })
    const { ctx, calls } = recorder()
    paintAxis(ctx, frame, {
      palette,
      hatch: null,
      markerColour: (id) => (id === 'day' ? 'm3' : 'accent')
    })
    // A day is a dot, a year a bar; the selected one is stroked.
    expect(calls.filter((c) => c.op === 'arc').map((c) => c.fill)).toEqual(['m3'])
    expect(calls.filter((c) => c.op === 'roundRect' && c.fill === 'accent')).toHaveLength(1)
    expect(calls.filter((c) => c.op === 'stroke')).toHaveLength(1)
    // The eras are named, and the ticks labelled by decade.
    const texts = calls.filter((c) => c.op === 'fillText').map((c) => c.args[0])
    expect(texts).toContain('Imperial Russia')
    expect(texts).toContain('Soviet Union')
    expect(texts).toContain('1950')
  })

  it('draws the unlabelled events as a density strip, one run per covered stretch', () => {
    const index = buildIndex(spread(2000))
    const frame = buildFrame({
      index,
      window: { start: year(1800), end: year(2025) },
      width: 800,
      height: 300,
      bands: [],
      measure: () => 120,
      pinnedId: undefined,
      selectedId: undefined
    })
    expect(frame.labels.hiddenCount).toBeGreaterThan(1900)
    const { ctx, calls } = recorder()
    paintAxis(ctx, frame, { palette, hatch: null, markerColour: () => 'accent' })
    const strip = calls.filter((c) => c.op === 'fillRect' && c.args[1] === frame.stripY + 3)
    // Evenly spread events cover the strip: a few runs, not one rect per event.
    expect(strip.length).toBeGreaterThan(0)
    expect(strip.length).toBeLessThan(20)
  })
})

describe('wheel zoom', () => {
  it('a pinch follows the fingers; a mouse notch is one step, not a leap', () => {
    // Chromium sends a pinch to 110 % as Ctrl+wheel with Δ = −100·ln 1.1.
    const pinch = -100 * Math.log(1.1)
    expect(2 ** wheelZoomDelta({ deltaY: pinch, deltaMode: 0 })).toBeCloseTo(1.1, 6)
    const notch = 2 ** wheelZoomDelta({ deltaY: 120, deltaMode: 0 })
    expect(notch).toBeCloseTo(Math.exp(-0.5), 6)
    expect(2 ** wheelZoomDelta({ deltaY: -3, deltaMode: 1 })).toBeCloseTo(Math.exp(0.48), 6)
  })
})
