/**
 * A setting kept in the database as a rune (like Anki's auto-saving prefs): reading it is
 * reactive, setting it saves it, and a change made elsewhere (another window, a restored backup)
 * reaches it through a live query.
 */
import { database } from './database'
import { watch } from './live.svelte'

export class PersistedSetting<T> {
  /** The value in force: the saved one once read, the fallback until then. */
  value: T = $state.raw() as T
  #stop: (() => void) | undefined

  constructor(
    readonly key: string,
    readonly fallback: T,
    readonly accepts: (value: unknown) => value is T
  ) {
    this.value = fallback
  }

  /** Follows the saved value; call once the database is open. Calling again changes nothing. */
  follow = (): void => {
    this.#stop ??= watch(
      () => database().settings.get(this.key),
      (row) => {
        this.value = row !== undefined && this.accepts(row.value) ? row.value : this.fallback
      }
    )
  }

  /** Stops following (tests, and a database closed for a restore). */
  stop = (): void => {
    this.#stop?.()
    this.#stop = undefined
  }

  /** Shows the new value at once and saves it; rejects if the write fails (a full disk). */
  set = async (value: T): Promise<void> => {
    const previous = this.value
    this.value = value
    try {
      await database().settings.put({ key: this.key, value })
    } catch (error) {
      this.value = previous
      throw error
    }
  }
}

/** A guard for boolean settings. */
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
