/**
 * The "Ctrl+wheel zooms" hint. A plain wheel over the axis scrolls the page; the first times a
 * person does that, the axis says how to zoom instead, until they have zoomed with the wheel
 * once (remembered in the database, so it is not repeated on every visit).
 */
import { openedDatabase } from '../../db/lazy'
import { PersistedSetting, isBoolean } from '../../db/persisted.svelte'

const SHOWN_MS = 2500

class ZoomHint {
  readonly #learned = new PersistedSetting<boolean>('timelineWheelZoomLearned', false, isBoolean)
  #timer: ReturnType<typeof setTimeout> | undefined
  /** Whether the hint is on screen now. */
  visible = $state(false)

  /**
   * Follows the saved setting once the database is open: on a first start the timeline is drawn
   * before it exists (the hint shows until then, as it would for a new student anyway).
   */
  follow = (): void => {
    void openedDatabase().then((result) => {
      if (result.ok) this.#learned.follow()
    })
  }

  /** A plain wheel scrolled the page over the axis: say how to zoom, for a moment. */
  pageWheel = (): void => {
    if (this.#learned.value) return
    this.visible = true
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => (this.visible = false), SHOWN_MS)
  }

  /** The person zoomed with the wheel: the hint goes, and is not shown again. */
  wheelZoomed = (): void => {
    this.visible = false
    clearTimeout(this.#timer)
    // Remembering is a nicety: a failed write only means the hint may come back.
    if (!this.#learned.value) this.#learned.set(true).catch(() => undefined)
  }
}

/** The one hint, shared by every axis (there is one timeline). */
export const zoomHint = new ZoomHint()

/** The zoom key's name on this platform. */
export const zoomKey = (): string => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl')
