/**
 * One frame of the axis as data: where the era strip, the axis line, the label rows and the density
 * strip sit, the ticks, and which events get a label. The painter draws it; the label layer
 * places its buttons from it. Pure: text is measured by the caller's function.
 */
import type { ScaleTime } from 'd3-scale'
import { eraStripHeight, type EraBand } from './era-bands'
import { candidateRange, type TimelineIndex, type TimelineItem } from './event-index'
import { layoutLabels, type LabelLayout } from './label-packing'
import { generateTicks, type TickSet } from './ticks'
import { timeScale, type TimeWindow } from './time-window'

/** The height of a label row: 30 px give the default 460 px chart eleven rows. */
export const ROW_H = 30
/** The height of the density strip at the bottom, with its "+N" badges. */
export const STRIP_H = 36
/** The width of a "+N" badge. */
const CLUSTER_W = 54

/** Everything one frame draws. */
export interface AxisFrame {
  width: number
  height: number
  scale: ScaleTime<number, number>
  bands: readonly EraBand[]
  /** The axis line, the first label row, and the density strip's top. */
  axisY: number
  top: number
  stripY: number
  ticks: TickSet
  labels: LabelLayout
  selectedId: string | undefined
}

/** What a frame is computed from. */
export interface FrameInput {
  index: TimelineIndex
  window: TimeWindow
  width: number
  height: number
  bands: readonly EraBand[]
  /** A label's drawn width in px. */
  measure: (item: TimelineItem) => number
  /** The event that must keep its label (the focused one). */
  pinnedId: string | undefined
  selectedId: string | undefined
  /** The last frame's buffer of unlabelled markers, reused. */
  spans?: Float64Array
}

/** Lays out one frame: only the events that can be in the window are looked at. */
export function buildFrame(input: FrameInput): AxisFrame {
  const { index, window, width, height, bands } = input
  const scale = timeScale(window, width)
  const axisY = eraStripHeight(bands) + 6
  const top = axisY + 30
  const stripY = height - STRIP_H
  const [first, last] = candidateRange(index, window)
  const labels = layoutLabels(
    index.items,
    scale,
    {
      width,
      rows: Math.max(1, Math.floor((stripY - top) / ROW_H)),
      measure: input.measure,
      clusterWidth: CLUSTER_W,
      pinnedId: input.pinnedId,
      spans: input.spans
    },
    first,
    last,
    window.start
  )
  return {
    width,
    height,
    scale,
    bands,
    axisY,
    top,
    stripY,
    ticks: generateTicks(scale),
    labels,
    selectedId: input.selectedId
  }
}
