import { parseHash, type Route } from './route'

/** What the shell should do with the window's scroll once a new view is drawn. */
export interface ScrollPlan {
  /** The offset to restore: the entry's own on Back/Forward, the view's last one, or 0. */
  top: number
}

interface EntryState {
  scrollKey?: number
}

/**
 * The current route, kept in step with the URL hash so Back/Forward and deep links work; and
 * where each view was left, so a view opens at its top the first time, where the student left
 * it when they come back (for the session), and Back/Forward return to the offset they left.
 */
class Router {
  route: Route = $state(parseHash(location.hash))
  /** Set on every change of view or history step; the shell applies it after drawing. */
  scrollPlan: ScrollPlan | undefined = $state.raw()
  /** The hash the app was opened with: empty on a plain start, a place for a deep link. */
  readonly openedWith = location.hash.replace(/^#\/?$/, '')

  readonly #entryOffsets = new Map<number, number>()
  readonly #viewOffsets = new Map<string, number>()
  readonly #left = new Set<string>()
  #key: number
  #nextKey: number

  constructor() {
    // The browser would restore the offset before the view is drawn, so at the wrong place.
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual'
    this.#nextKey = Date.now()
    this.#key = this.#stamp()
    window.addEventListener('scroll', this.#record, { passive: true })
    window.addEventListener('hashchange', this.#follow)
  }

  /** Gives the current history entry a key to file its offset under (kept across Back/Forward). */
  #stamp(): number {
    const state = (history.state ?? {}) as EntryState
    if (typeof state.scrollKey === 'number') return state.scrollKey
    const key = this.#nextKey++
    history.replaceState({ ...state, scrollKey: key }, '')
    return key
  }

  #record = (): void => {
    this.#entryOffsets.set(this.#key, window.scrollY)
    this.#viewOffsets.set(this.route.view, window.scrollY)
  }

  #follow = (): void => {
    const before = this.route
    const known = typeof (history.state as EntryState | null)?.scrollKey === 'number'
    this.#key = this.#stamp()
    const route = parseHash(location.hash)
    const viewChanged = route.view !== before.view
    if (viewChanged) this.#left.add(before.view)
    this.route = route
    if (known) {
      // Back or Forward to an entry seen before: the offset it had.
      this.scrollPlan = { top: this.#entryOffsets.get(this.#key) ?? 0 }
    } else if (viewChanged) {
      // A link to a place starts at the top and lets the view scroll to the place.
      this.scrollPlan = {
        top: route.path.length ? 0 : (this.#viewOffsets.get(route.view) ?? 0)
      }
    }
  }

  /** True once the student has left this view in this session (its place is then the session's). */
  wasLeft = (view: string): boolean => this.#left.has(view)

  /** Goes to a hash; `replace` keeps it out of the history (for filters typed letter by letter). */
  go = (hash: string, replace = false): void => {
    if (hash === location.hash) return
    if (replace) {
      history.replaceState(history.state, '', hash)
      this.route = parseHash(hash)
    } else {
      location.hash = hash
    }
  }
}

export const router = new Router()
