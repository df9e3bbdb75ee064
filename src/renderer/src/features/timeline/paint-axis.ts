/**
 * The axis painter: draws one frame (axis-frame.ts) on a 2D canvas context — era bands and their
 * names, ticks and gridlines, a marker per labelled event, and a density strip for the others.
 * It reads nothing but its arguments, so a test can hand it a recording context.
 */
import { placeEraLabel } from './era-bands'
import { ROW_H, type AxisFrame } from './axis-frame'
import type { Palette } from './palette'

/** The font of the event labels, also used to measure them. */
export const LABEL_FONT = '500 13px "Inter Variable", system-ui, sans-serif'
const TICK_FONT = '12px "Inter Variable", system-ui, sans-serif'
const ERA_FONT = '600 12px "Inter Variable", system-ui, sans-serif'

/** The 2D context calls the painter makes: a real canvas, or a recorder in a test. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'fillRect'
  | 'fillText'
  | 'measureText'
  | 'beginPath'
  | 'arc'
  | 'roundRect'
  | 'fill'
  | 'stroke'
>

/** The colours of one paint, and how an event's marker is shaded (its mastery, or the accent). */
export interface PaintStyle {
  palette: Palette
  /** The diagonal hatching of overlapping eras, when the canvas could make it. */
  hatch: CanvasPattern | null
  markerColour: (id: string) => string
}

/** Per-pixel coverage of the unlabelled markers, reused from frame to frame. */
let cover = new Int32Array(0)

/** Draws a frame; the context is already cleared and scaled to CSS pixels. */
export function paintAxis(ctx: PaintContext, frame: AxisFrame, style: PaintStyle): void {
  paintEras(ctx, frame, style)
  paintTicks(ctx, frame, style.palette)
  paintMarkers(ctx, frame, style)
  paintDensity(ctx, frame, style.palette)
}

function paintEras(ctx: PaintContext, frame: AxisFrame, { palette: p, hatch }: PaintStyle): void {
  const { width, scale, bands, axisY, stripY } = frame
  const x = (t: number) => scale(t)
  // Era bands: a tint behind the whole axis, a labelled band on top; overlapping eras hatched.
  let tint = 0
  for (const band of bands) {
    const x0 = Math.max(x(band.start), -10)
    const x1 = Math.min(x(band.end), width + 10)
    if (x1 <= 0 || x0 >= width) {
      if (band.row === 0) tint++
      continue
    }
    if (band.row === 0) {
      ctx.fillStyle = tint++ % 2 === 0 ? p.accentSoft : p.sunken
      ctx.globalAlpha = 0.45
      ctx.fillRect(x0, axisY, x1 - x0, stripY - axisY)
      ctx.globalAlpha = 1
      ctx.fillRect(x0, 2, x1 - x0, 24)
      ctx.fillStyle = p.border
      ctx.fillRect(x0, 2, 1, stripY - 2)
    } else {
      const y = 28 + (band.row - 1) * 20
      ctx.fillStyle = p.accent2Soft
      ctx.fillRect(x0, y, x1 - x0, 18)
      if (hatch) {
        ctx.globalAlpha = 0.35
        ctx.fillStyle = hatch
        ctx.fillRect(x0, y, x1 - x0, 18)
        ctx.globalAlpha = 1
      }
    }
  }
  // The names after all the bands, so no band's edge is drawn over a name set beside its band.
  ctx.font = ERA_FONT
  ctx.textBaseline = 'middle'
  const measure = (text: string) => ctx.measureText(text).width
  for (const band of bands) {
    const label = placeEraLabel(band, bands, x, width, measure)
    if (!label) continue
    if (label.backed) {
      const w = Math.max(...label.lines.map(measure))
      const y = label.ys[0] as number
      ctx.fillStyle = p.surface
      ctx.beginPath()
      ctx.roundRect(label.x - 5, y - 8.5, w + 10, 16, 3)
      ctx.fill()
      ctx.strokeStyle = p.accent2
      ctx.lineWidth = 1
      ctx.stroke()
      ctx.fillStyle = p.accent2
    } else {
      ctx.fillStyle = p.text
    }
    label.lines.forEach((line, i) => ctx.fillText(line, label.x, label.ys[i] as number))
  }
}

function paintTicks(ctx: PaintContext, frame: AxisFrame, p: Palette): void {
  const { width, axisY, stripY, ticks } = frame
  ctx.fillStyle = p.muted
  ctx.globalAlpha = 0.5
  for (const mx of ticks.minor) ctx.fillRect(Math.round(mx), axisY, 1, 5)
  ctx.globalAlpha = 1
  ctx.font = TICK_FONT
  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'center'
  for (const t of ticks.ticks) {
    const tx = Math.round(t.x)
    ctx.fillStyle = p.border
    ctx.fillRect(tx, axisY, 1, stripY - axisY)
    ctx.fillStyle = t.strong ? p.text : p.muted
    ctx.fillRect(tx, axisY, 1, 9)
    ctx.fillText(t.label, Math.min(Math.max(tx, 16), width - 16), axisY + 23)
  }
  ctx.textAlign = 'start'
  ctx.fillStyle = p.muted
  ctx.fillRect(0, axisY, width, 1)
}

function paintMarkers(ctx: PaintContext, frame: AxisFrame, style: PaintStyle): void {
  const { width, top, labels, selectedId } = frame
  for (const l of labels.placed) {
    const y = top + l.row * ROW_H
    const selected = l.item.id === selectedId
    ctx.fillStyle = style.markerColour(l.item.id)
    ctx.beginPath()
    if (l.item.point) {
      ctx.arc(l.markerX0, y + 7, selected ? 6 : 4.5, 0, Math.PI * 2)
    } else {
      const x0 = Math.max(l.markerX0, -4)
      const x1 = Math.min(l.markerX1, width + 4)
      ctx.roundRect(x0, y + 3, Math.max(3, x1 - x0), selected ? 9 : 7, 3)
    }
    ctx.fill()
    if (selected) {
      ctx.strokeStyle = style.palette.text
      ctx.lineWidth = 2
      ctx.stroke()
    }
  }
}

/**
 * A density strip: one tick per unlabelled event. Coverage per pixel column (a difference array),
 * then one rect per covered run: the cost is the number of events plus the width, not one fill
 * per event.
 */
function paintDensity(ctx: PaintContext, frame: AxisFrame, p: Palette): void {
  const { width, stripY, labels } = frame
  ctx.fillStyle = p.muted
  if (labels.hiddenCount > 0) ctx.fillRect(0, stripY, width, 1)
  ctx.globalAlpha = 0.55
  if (cover.length !== width + 2) cover = new Int32Array(width + 2)
  else cover.fill(0)
  const hs = labels.hiddenSpans
  for (let h = 0; h < labels.hiddenCount; h++) {
    const a = Math.min(width, Math.max(0, Math.round(hs[2 * h] as number)))
    const b = Math.min(width + 1, Math.max(a + 1, Math.round(hs[2 * h + 1] as number)))
    cover[a] = (cover[a] as number) + 1
    cover[b] = (cover[b] as number) - 1
  }
  let depth = 0
  let run = -1
  for (let c = 0; c <= width; c++) {
    depth += cover[c] as number
    if (depth > 0 && run < 0) run = c
    else if (depth <= 0 && run >= 0) {
      ctx.fillRect(run, stripY + 3, c - run, 5)
      run = -1
    }
  }
  if (run >= 0) ctx.fillRect(run, stripY + 3, width + 1 - run, 5)
  ctx.globalAlpha = 1
}

/** The diagonal hatching of overlapping eras, drawn once per palette on a small tile. */
export function hatchPattern(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | null {
  const tile = document.createElement('canvas')
  tile.width = tile.height = 8
  const t = tile.getContext('2d')
  if (!t) return null
  t.strokeStyle = colour
  t.lineWidth = 2
  t.beginPath()
  t.moveTo(-2, 10)
  t.lineTo(10, -2)
  t.moveTo(6, 10)
  t.lineTo(10, 6)
  t.moveTo(-2, 2)
  t.lineTo(2, -2)
  t.stroke()
  return ctx.createPattern(tile, 'repeat')
}
