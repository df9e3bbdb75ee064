/**
 * The busy-and-notice pattern around a user's action: one action at a time (a second click while
 * a write is under way is dropped, not queued), and a failure shown as an error notice instead of
 * being lost. The caller says how an error reads (the database layer knows its messages).
 */
import { notices } from './notices.svelte'

export class Busy {
  /** True while an action runs: buttons can show it. */
  active = $state(false)

  constructor(private readonly describe: (error: unknown) => string) {}

  /** Runs an action unless one is running; reports its failure. */
  run = async (action: () => Promise<void>): Promise<void> => {
    if (this.active) return
    await this.always(action)
  }

  /** Runs an action even while another runs (a restart must never be dropped); reports failure. */
  always = async (action: () => Promise<void>): Promise<void> => {
    this.active = true
    try {
      await action()
    } catch (error) {
      notices.show(this.describe(error), 'error')
    } finally {
      this.active = false
    }
  }
}
