/**
 * The axis's keys as data: which action a key press asks for. The component carries the actions
 * out; this table is what the Keyboard help describes, and its test pins it.
 */

/** How much one zoom step (a key, a button) zooms in or out. */
export const ZOOM_STEP = 1.6

/** What a key asks the axis to do. */
export type AxisAction =
  /** Focus the next (1) or previous (-1) event by date. */
  | { kind: 'step'; by: 1 | -1 }
  /** Move the window by a fraction of its span (negative: back in time). */
  | { kind: 'pan'; by: number }
  | { kind: 'first' }
  | { kind: 'last' }
  /** Multiply the window's span (< 1 zooms in). */
  | { kind: 'zoom'; factor: number }
  | { kind: 'fit' }
  /** Open the focused event (or focus one when none is). */
  | { kind: 'open' }

/** A key press as the table reads it. */
export interface AxisKey {
  key: string
  shiftKey: boolean
  /** The press comes from an event's label: Enter and Space are then the button's own click. */
  onLabel: boolean
}

/** The action a key press asks for, or undefined when the axis leaves the key alone. */
export function axisAction({ key, shiftKey, onLabel }: AxisKey): AxisAction | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowLeft': {
      const by = key === 'ArrowRight' ? 1 : -1
      return shiftKey ? { kind: 'pan', by: by * 0.2 } : { kind: 'step', by }
    }
    case 'PageDown':
      return { kind: 'pan', by: 0.8 }
    case 'PageUp':
      return { kind: 'pan', by: -0.8 }
    case 'Home':
      return { kind: 'first' }
    case 'End':
      return { kind: 'last' }
    case '+':
    case '=':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP }
    case '-':
    case '_':
      return { kind: 'zoom', factor: ZOOM_STEP }
    case '0':
      return { kind: 'fit' }
    case 'Enter':
    case ' ':
      return onLabel ? undefined : { kind: 'open' }
    default:
      return undefined
  }
}
