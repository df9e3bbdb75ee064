import { describeWriteError } from '../db/database'
import { PersistedSetting } from '../db/persisted.svelte'
import { getSetting } from '../db/settings'
import { notices } from './notices.svelte'

export type ColorSchemeChoice = 'system' | 'light' | 'dark'
const ORDER: readonly ColorSchemeChoice[] = ['system', 'light', 'dark']
const isChoice = (value: unknown): value is ColorSchemeChoice =>
  ORDER.includes(value as ColorSchemeChoice)
/** The settings key predates the rename and stays, so saved choices and backups keep working. */
const SETTING = 'theme'

/**
 * Light and dark colours: follows the system until the user picks one, which is remembered.
 * (Called colour scheme, not theme, so it never collides with the pack's topic themes.)
 */
class ColorScheme {
  readonly #setting = new PersistedSetting<ColorSchemeChoice>(SETTING, 'system', isChoice)

  get choice(): ColorSchemeChoice {
    return this.#setting.value
  }

  /** Applies the saved choice before the first paint, then follows changes (a restore). */
  restore = async (): Promise<void> => {
    const saved = await getSetting<unknown>(SETTING, 'system')
    this.#apply(isChoice(saved) ? saved : 'system')
    this.#setting.follow()
  }

  /** System → light → dark → system. */
  cycle = async (): Promise<void> => {
    const next = ORDER[(ORDER.indexOf(this.choice) + 1) % ORDER.length] ?? 'system'
    this.#apply(next)
    try {
      await this.#setting.set(next)
    } catch (error) {
      notices.show(describeWriteError(error), 'error')
    }
  }

  /** Puts a choice on the page (the shell calls it whenever the choice changes). */
  apply = (): void => this.#apply(this.choice)

  #apply(choice: ColorSchemeChoice): void {
    document.documentElement.dataset.theme = choice
  }
}

export const colorScheme = new ColorScheme()
