/**
 * Live data for Svelte 5: a Dexie `liveQuery` as a reactive value. The query runs again whenever a
 * write touches what it read, in this window or another, so a view never refreshes by hand.
 */
import { liveQuery } from 'dexie'

/** A query's latest result, whether it has arrived, and its last error. */
export interface Live<T> {
  readonly current: T
  readonly ready: boolean
  readonly error: unknown
}

/**
 * Subscribes to a query for as long as the calling component (or `$effect.root`) lives.
 * `initial` is shown until the first result arrives.
 */
export function live<T>(query: () => Promise<T>, initial: T): Live<T> {
  let current = $state.raw(initial)
  let ready = $state(false)
  let error = $state.raw<unknown>(null)
  $effect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        current = value
        ready = true
        error = null
      },
      error: (cause: unknown) => {
        error = cause
      }
    })
    return () => subscription.unsubscribe()
  })
  return {
    get current() {
      return current
    },
    get ready() {
      return ready
    },
    get error() {
      return error
    }
  }
}

/** The same outside a component: calls `next` with every result until the returned stop is called. */
export function watch<T>(
  query: () => Promise<T>,
  next: (value: T) => void,
  onError: (error: unknown) => void = (e) => console.warn('A live query failed:', e)
): () => void {
  const subscription = liveQuery(query).subscribe({ next, error: onError })
  return () => subscription.unsubscribe()
}
