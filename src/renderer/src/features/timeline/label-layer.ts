/**
 * The event labels over the canvas: real buttons, one per labelled event, in date order. They are
 * kept from frame to frame rather than rebuilt: a button that showed the same event stays (so its
 * focus and place do), a freed one is given to a newly labelled event, and only what changed is
 * written (text, attributes, transform). At the full range every zoom step labels a new set of
 * events, and making and destroying dozens of buttons per frame cost more than all the rest.
 * Clicks and focus are handled by the axis through delegation on the container.
 */
import { assignSlots } from './label-slots'

/** What one label shows. */
export interface LabelView {
  id: string
  text: string
  /** The accessible name: "Fort Ross established, 1812". */
  label: string
  x: number
  y: number
  selected: boolean
  point: boolean
  mastery: number | undefined
  tabbable: boolean
}

/** A button and what it shows now; `undefined` fields are not written yet. */
interface Slot {
  el: HTMLButtonElement
  id?: string
  text?: string
  x?: number
  y?: number
  className?: string
  mastery?: number | null
  selected?: boolean
  tabbable?: boolean
}

/** What the axis hears from its labels. */
export interface LabelEvents {
  /** A label was clicked (or pressed with Enter or Space). */
  open: (id: string) => void
  /** A label took focus. */
  focus: (id: string) => void
}

/** The label buttons of one axis, with their clicks and focus delegated to the container. */
export class LabelLayer {
  #slots: Slot[] = []
  readonly #container: HTMLElement
  readonly #detach: () => void

  constructor(container: HTMLElement, events: LabelEvents) {
    this.#container = container
    const idOf = (event: Event) =>
      event.target instanceof Element
        ? event.target.closest<HTMLElement>('button[data-event-id]')?.dataset.eventId
        : undefined
    // A click that ends a drag never arrives here: d3-zoom swallows it (gestures.ts).
    const onClick = (event: MouseEvent) => {
      const id = idOf(event)
      if (id !== undefined) events.open(id)
    }
    const onFocus = (event: FocusEvent) => {
      const id = idOf(event)
      if (id !== undefined) events.focus(id)
    }
    container.addEventListener('click', onClick)
    container.addEventListener('focusin', onFocus)
    this.#detach = () => {
      container.removeEventListener('click', onClick)
      container.removeEventListener('focusin', onFocus)
    }
  }

  /** Stops listening (the axis is going). */
  detach(): void {
    this.#detach()
  }

  /** The button that shows an event, if it is labelled. */
  button(id: string): HTMLButtonElement | undefined {
    return this.#slots.find((s) => s.id === id)?.el
  }

  /** Shows a frame's labels, reusing the buttons that were there. */
  update(views: readonly LabelView[]): void {
    // The focused button is never handed to another event: focus would silently move with it.
    // When its event is no longer labelled it goes, as a rebuilt layer would drop it.
    const active = document.activeElement
    const ids = new Set(views.map((v) => v.id))
    let previous = this.#slots
    const gone = previous.find((s) => s.el === active && !ids.has(s.id ?? ''))
    if (gone) {
      gone.el.remove()
      previous = previous.filter((s) => s !== gone)
    }
    const plan = assignSlots(
      previous.map((s) => s.id ?? ''),
      views.map((v) => v.id)
    )
    const used = new Uint8Array(previous.length)
    const next: Slot[] = []
    let before: Element | null = null
    for (let i = 0; i < views.length; i++) {
      const v = views[i] as LabelView
      const j = plan[i] as number
      let slot: Slot
      const kept = j >= 0 && (previous[j] as Slot).id === v.id
      if (j >= 0) {
        slot = previous[j] as Slot
        used[j] = 1
      } else {
        slot = this.#create()
      }
      this.#apply(slot, v)
      // Kept buttons are already in date order among themselves; the others go in place.
      if (!kept) {
        const want: Element | null = before
          ? before.nextElementSibling
          : this.#container.firstElementChild
        if (want !== slot.el) {
          if (before) before.after(slot.el)
          else this.#container.prepend(slot.el)
        }
      }
      before = slot.el
      next.push(slot)
    }
    for (let j = 0; j < previous.length; j++) if (used[j] === 0) (previous[j] as Slot).el.remove()
    this.#slots = next
  }

  #create(): Slot {
    const el = document.createElement('button')
    el.type = 'button'
    return { el }
  }

  #apply(slot: Slot, v: LabelView): void {
    const el = slot.el
    if (slot.id !== v.id) {
      slot.id = v.id
      el.dataset.eventId = v.id
      el.setAttribute('aria-label', v.label)
    }
    if (slot.text !== v.text) {
      slot.text = v.text
      el.textContent = v.text
    }
    const className = `event${v.selected ? ' selected' : ''}${v.point ? ' point' : ''}`
    if (slot.className !== className) {
      slot.className = className
      el.className = className
    }
    if (slot.selected !== v.selected) {
      slot.selected = v.selected
      if (v.selected) el.setAttribute('aria-current', 'true')
      else el.removeAttribute('aria-current')
    }
    const mastery = v.mastery ?? null
    if (slot.mastery !== mastery) {
      slot.mastery = mastery
      if (mastery === null) el.removeAttribute('data-mastery')
      else el.dataset.mastery = String(mastery)
    }
    if (slot.tabbable !== v.tabbable) {
      slot.tabbable = v.tabbable
      el.tabIndex = v.tabbable ? 0 : -1
    }
    if (slot.x !== v.x || slot.y !== v.y) {
      slot.x = v.x
      slot.y = v.y
      el.style.transform = `translate(${v.x}px, ${v.y}px)`
    }
  }
}
