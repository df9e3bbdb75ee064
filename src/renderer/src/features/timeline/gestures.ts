/**
 * Pointer gestures on the axis, through d3-zoom: drag pans, a pinch or Ctrl/⌘+wheel zooms around
 * the pointer, and a click that ends a drag is swallowed (only that click: the keys are never
 * affected). A plain wheel is left to the page, so a small window still scrolls over the axis
 * (as vis-timeline's `zoomKey`); a horizontal or Shift+wheel pans. d3-zoom works on a transform
 * of the whole axis; the rest of the timeline works on windows, and this module maps between them.
 */
import { select } from 'd3-selection'
import { zoom as d3zoom, zoomIdentity, zoomTransform, type D3ZoomEvent } from 'd3-zoom'
import { MIN_SPAN, transformToWindow, windowToTransform, type TimeWindow } from './time-window'

/** What the gestures read from the axis and tell it. */
export interface GestureHost {
  /** The window now, the whole axis, and the surface's size in px. */
  view(): { window: TimeWindow; bounds: TimeWindow; width: number; height: number }
  /** A gesture moved the window. */
  moveTo(next: TimeWindow): void
  /** Panned by a horizontal or Shift+wheel, as a fraction of the window. */
  panBy(fraction: number): void
  /** A plain vertical wheel over the axis: the page scrolls, and the axis may say how to zoom. */
  pageWheel(): void
  /** A Ctrl/⌘+wheel or pinch zoomed: the person knows how, no hint is needed any more. */
  wheelZoomed(): void
}

/** The gestures attached to one surface. */
export interface Gestures {
  /** Brings d3-zoom's transform in line with a window set by keys, buttons or a resize. */
  sync(): void
  detach(): void
}

/** Pixels of wheel travel per zoom step: a pinch's small deltas follow the fingers. */
const PX_PER_E = 100
/** A mouse wheel's notch (100 px or more) zooms one step like "+" (×1.65), not a leap. */
const MAX_PX = 50

/**
 * d3-zoom's wheel delta: the log₂ of the scale change. The span changes by e^(Δ/100), Δ in px
 * capped at 50: Chromium sends a pinch as Ctrl+wheel with Δ = −100·ln(scale), so the axis
 * follows the fingers exactly, while a notch stays one step.
 */
export function wheelZoomDelta(event: Pick<WheelEvent, 'deltaY' | 'deltaMode'>): number {
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? MAX_PX : 1
  const px = Math.max(-MAX_PX, Math.min(MAX_PX, event.deltaY * unit))
  return -px / PX_PER_E / Math.LN2
}

/** Attaches drag, pinch and wheel to a surface. */
export function attachGestures(surface: HTMLElement, host: GestureHost): Gestures {
  const zoom = d3zoom<HTMLElement, unknown>()
    .filter((event: Event) => {
      if (event instanceof WheelEvent) return event.ctrlKey || event.metaKey
      if (event instanceof MouseEvent) return event.button === 0 && !event.ctrlKey
      return true
    })
    .wheelDelta(wheelZoomDelta)
    .clickDistance(4)
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      // Our own sync() has no source event; only the person's gestures move the window here.
      const source = event.sourceEvent as Event | null
      if (!source) return
      const { bounds, width } = host.view()
      host.moveTo(transformToWindow(event.transform, bounds, width))
      if (source.type === 'wheel') host.wheelZoomed()
    })
  const selection = select(surface).call(zoom).on('dblclick.zoom', null)

  const onWheel = (event: WheelEvent) => {
    // Ctrl/⌘+wheel belongs to the axis, even at a zoom limit where d3-zoom lets it pass: it
    // must not zoom the whole page instead.
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      return
    }
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? host.view().height : 1
    const dx = event.deltaX * unit
    const dy = event.deltaY * unit
    if (event.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      event.preventDefault()
      host.panBy((event.shiftKey ? dy || dx : dx) / Math.max(1, host.view().width))
    } else if (dy !== 0) {
      host.pageWheel()
    }
  }
  surface.addEventListener('wheel', onWheel, { passive: false })

  return {
    sync() {
      const { window, bounds, width, height } = host.view()
      if (width <= 0 || height <= 0) return
      zoom.scaleExtent([1, (bounds.end - bounds.start) / MIN_SPAN]).translateExtent([
        [0, 0],
        [width, height]
      ])
      const target = windowToTransform(window, bounds, width)
      const now = zoomTransform(surface)
      if (Math.abs(now.k / target.k - 1) < 1e-9 && Math.abs(now.x - target.x) < 1e-6) return
      selection.call(zoom.transform, zoomIdentity.translate(target.x, 0).scale(target.k))
    },
    detach() {
      selection.on('.zoom', null)
      surface.removeEventListener('wheel', onWheel)
    }
  }
}
