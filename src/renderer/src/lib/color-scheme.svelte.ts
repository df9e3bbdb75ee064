import { readSetting, writeErrorMessage, writeSetting } from '../db/lazy'
import { notices } from './notices.svelte'

export type ColorSchemeChoice = 'system' | 'light' | 'dark'
const ORDER: readonly ColorSchemeChoice[] = ['system', 'light', 'dark']
const isChoice = (value: unknown): value is ColorSchemeChoice =>
  ORDER.includes(value as ColorSchemeChoice)
/** The settings key predates the rename and stays, so saved choices and backups keep working. */
const SETTING = 'theme'
/**
 * A copy of the saved choice in localStorage, read synchronously before the first paint: the
 * database opens after the article is drawn, and the first frame must already have the right
 * colours. IndexedDB stays the truth (backups, sync); this is only a hint that follows it.
 */
const HINT = 'mexico-russia-study.theme'

function readHint(): ColorSchemeChoice {
  try {
    const hint = globalThis.localStorage?.getItem(HINT)
    return isChoice(hint) ? hint : 'system'
  } catch {
    return 'system'
  }
}

/**
 * Light and dark colours: follows the system until the user picks one, which is remembered.
 * (Called colour scheme, not theme, so it never collides with the pack's topic themes.)
 */
class ColorScheme {
  #choice: ColorSchemeChoice = $state(readHint())
  #stop: (() => void) | undefined

  constructor() {
    // At import, before anything is drawn: the hint's colours from the first frame on.
    this.apply()
  }

  get choice(): ColorSchemeChoice {
    return this.#choice
  }

  /** Applies the saved choice once the database is open, then follows changes (a restore, a sync). */
  restore = async (): Promise<void> => {
    this.#show(parse(await readSetting<unknown>(SETTING, 'system')))
    if (this.#stop) return
    const [{ watch }, { database }] = await Promise.all([
      import('../db/live.svelte'),
      import('../db/database')
    ])
    this.#stop ??= watch(
      () => database().settings.get(SETTING),
      (row) => this.#show(parse(row?.value ?? 'system'))
    )
  }

  /** System → light → dark → system. */
  cycle = async (): Promise<void> => {
    const previous = this.#choice
    const next = ORDER[(ORDER.indexOf(previous) + 1) % ORDER.length] ?? 'system'
    this.#show(next)
    try {
      await writeSetting(SETTING, next)
    } catch (error) {
      this.#show(previous)
      notices.show(await writeErrorMessage(error), 'error')
    }
  }

  /** Puts the choice on the page (the shell calls it whenever the choice changes). */
  apply = (): void => {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.#choice
  }

  #show(choice: ColorSchemeChoice): void {
    this.#choice = choice
    this.apply()
    try {
      globalThis.localStorage?.setItem(HINT, choice)
    } catch {
      // No localStorage (a locked-down window): the next start shows the database's choice a moment later.
    }
  }
}

const parse = (value: unknown): ColorSchemeChoice => (isChoice(value) ? value : 'system')

export const colorScheme = new ColorScheme()
