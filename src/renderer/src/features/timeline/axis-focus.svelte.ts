/**
 * The axis's keyboard focus: which event it is on, and what the keys (keymap.ts) do with it —
 * step to the next or previous event by date, first and last, zoom steps that close on it, pan,
 * fit, open. The axis moves the DOM focus to the label once the next frame has drawn it.
 */
import { firstStartingFrom, positionOf, type TimelineIndex, type TimelineItem } from './event-index'
import { axisAction } from './keymap'
import { zoomAnchor } from './time-window'
import type { Viewport } from './viewport.svelte'

/** What the focus reads from the axis and asks of it. */
export interface FocusHost {
  index: () => TimelineIndex
  selectedId: () => string | undefined
  open: (id: string) => void
  /** Draws a frame soon (the focused label may be new). */
  redraw: () => void
}

/** The focused event and the keys, for one axis. */
export class AxisFocus {
  /** The event whose label has, or is about to get, keyboard focus. */
  id: string | undefined = $state()
  #pending: string | undefined
  readonly #view: Viewport
  readonly #host: FocusHost

  constructor(initial: string | undefined, view: Viewport, host: FocusHost) {
    this.id = initial
    this.#view = view
    this.#host = host
  }

  /** The label to focus now that a frame has drawn it (once). */
  takePending = (): string | undefined => {
    const id = this.#pending
    this.#pending = undefined
    return id
  }

  /** Moves focus to an event, bringing it into view. */
  focusEvent = (item: TimelineItem | undefined): void => {
    if (!item) return
    this.id = item.id
    this.#view.show(item)
    this.#pending = item.id
    this.#host.redraw()
  }

  /** A zoom step with no pointer: it closes on the focused event, else the selected one. */
  zoomBy = (factor: number): void => {
    const index = this.#host.index()
    const anchor = zoomAnchor(this.#view.window, [
      index.items[positionOf(index, this.id)],
      index.items[positionOf(index, this.#host.selectedId())]
    ])
    this.#view.zoomBy(factor, anchor)
  }

  /** Zooms to fit all the (filtered) events. */
  fit = (): void => this.#view.fit(this.#host.index().items)

  /** The focused event's position, or else the first event from the window's middle on. */
  #current(index: TimelineIndex): number {
    const i = positionOf(index, this.id)
    if (i >= 0) return i
    const win = this.#view.window
    const after = firstStartingFrom(index, (win.start + win.end) / 2)
    return after >= index.items.length ? index.items.length - 1 : after
  }

  /** The axis's keydown: carries out the key's action, if it has one. */
  onkeydown = (event: KeyboardEvent): void => {
    const onLabel = event.target instanceof HTMLButtonElement
    const action = axisAction({ key: event.key, shiftKey: event.shiftKey, onLabel })
    if (!action) return
    event.preventDefault()
    const index = this.#host.index()
    switch (action.kind) {
      case 'step': {
        const focusedNow = onLabel && positionOf(index, this.id) >= 0
        const i = this.#current(index)
        this.focusEvent(index.items[focusedNow ? i + action.by : Math.max(0, i)])
        break
      }
      case 'pan':
        this.#view.panBy(action.by)
        break
      case 'first':
        this.focusEvent(index.items[0])
        break
      case 'last':
        this.focusEvent(index.items[index.items.length - 1])
        break
      case 'zoom':
        this.zoomBy(action.factor)
        break
      case 'fit':
        this.fit()
        break
      case 'open':
        if (this.id) this.#host.open(this.id)
        else this.focusEvent(index.items[this.#current(index)])
        break
    }
  }
}
