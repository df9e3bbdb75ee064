/** The reading position and the text size, as saved in settings; pure helpers. */

export const POSITION_KEY = 'reader.position'
export const FONT_SIZE_KEY = 'reader.fontSize'

export const FONT_SIZES = ['small', 'medium', 'large'] as const
export type FontSize = (typeof FONT_SIZES)[number]

/** Where the reader was: the block at the top of the window, and how far past its top. */
export interface ReadingPosition {
  sectionId: string
  blockId: string
  /** Pixels of the block above the reading line (0 when its top is at the line). */
  offset: number
}

/** A block as it lies on the screen, measured from the top of the window. */
export interface BlockBox {
  id: string
  sectionId: string
  top: number
  bottom: number
}

/**
 * The block under the reading line (the bottom edge of the sticky bars): the one that crosses
 * it, else the first below it, else the last above it. Boxes are in reading order.
 */
export function positionAt(boxes: BlockBox[], line: number): ReadingPosition | undefined {
  const box =
    boxes.find((b) => b.top <= line && b.bottom > line) ??
    boxes.find((b) => b.top > line) ??
    boxes.at(-1)
  if (!box) return undefined
  return {
    sectionId: box.sectionId,
    blockId: box.id,
    offset: Math.max(0, Math.round(line - box.top))
  }
}

/** A saved position, if it is well formed and its block still exists in the pack. */
export function parsePosition(
  value: unknown,
  blockExists: (id: string) => boolean
): ReadingPosition | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { sectionId, blockId, offset } = value as Record<string, unknown>
  if (typeof sectionId !== 'string' || typeof blockId !== 'string' || !blockExists(blockId)) {
    return undefined
  }
  const px = typeof offset === 'number' && Number.isFinite(offset) ? Math.max(0, offset) : 0
  return { sectionId, blockId, offset: px }
}

/** A saved text size, or medium. */
export function parseFontSize(value: unknown): FontSize {
  return FONT_SIZES.find((size) => size === value) ?? 'medium'
}

/** Calls `fn` once calls have stopped for `ms`; `flush` runs a pending call now. */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number
): { call: (...args: A) => void; cancel: () => void; flush: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const run = () => {
    timer = undefined
    const args = pending
    pending = undefined
    if (args) fn(...args)
  }
  return {
    call: (...args: A) => {
      pending = args
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(run, ms)
    },
    cancel: () => {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      pending = undefined
    },
    flush: () => {
      if (timer !== undefined) clearTimeout(timer)
      run()
    }
  }
}
