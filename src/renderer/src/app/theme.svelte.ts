import { getSetting, setSetting } from '../db/settings'
import { describeWriteError } from '../db/database'
import { notices } from './notices.svelte'

export type ThemeChoice = 'system' | 'light' | 'dark'
const ORDER: ThemeChoice[] = ['system', 'light', 'dark']

/** Light and dark themes: follows the system until the user picks one, which is remembered. */
class Theme {
  choice: ThemeChoice = $state('system')

  /** Applies the saved choice. */
  restore = async (): Promise<void> => {
    const saved = await getSetting<ThemeChoice>('theme', 'system')
    this.choice = ORDER.includes(saved) ? saved : 'system'
    this.#apply()
  }

  /** System → light → dark → system. */
  cycle = async (): Promise<void> => {
    this.choice = ORDER[(ORDER.indexOf(this.choice) + 1) % ORDER.length] ?? 'system'
    this.#apply()
    try {
      await setSetting('theme', this.choice)
    } catch (error) {
      notices.show(describeWriteError(error), 'error')
    }
  }

  #apply(): void {
    document.documentElement.dataset.theme = this.choice
  }
}

export const theme = new Theme()
