/**
 * Where the student is in the article and how large they read it: the section under the reading
 * line, the saved reading position (restored on the next start) and the text size.
 */
import { readSetting, writeErrorMessage, writeSetting } from '../../db/lazy'
import { notices } from '../../lib/notices.svelte'
import { rememberNextStart } from '../../lib/page'
import {
  FONT_SIZE_KEY,
  POSITION_KEY,
  debounce,
  parseFontSize,
  parsePosition,
  positionAt,
  type FontSize,
  type ReadingPosition
} from './position'

/** The bottom edge of what sticks to the top of the window: the app header and the toolbar. */
export function readingLine(): number {
  const bars = document.querySelectorAll('.app-header, .reader-toolbar')
  return Math.max(0, ...[...bars].map((bar) => bar.getBoundingClientRect().bottom)) + 8
}

export class ReadingPlace {
  fontSize: FontSize = $state('medium')
  activeSection = $state('')
  /** True once the saved place is restored: scrolling before that is not the student's. */
  ready = $state(false)
  /**
   * A look-up (a card's "Read the paragraph", `?from=study`): the reader opens the paragraph but
   * leaves the saved reading position where the student's own reading left it.
   */
  lookUp = false
  article: HTMLElement | undefined = undefined

  readonly #sectionOf: ReadonlyMap<string, string>
  #lastSaved = ''
  #saveFailed = false
  #frame = 0

  constructor(sectionOf: ReadonlyMap<string, string>, firstSection: string) {
    this.#sectionOf = sectionOf
    this.activeSection = firstSection
  }

  #save = debounce((position: ReadingPosition) => {
    const json = JSON.stringify(position)
    if (json === this.#lastSaved) return
    // The next start opens at a place, not at the top (the app refines this once it is saved).
    rememberNextStart(false)
    writeSetting(POSITION_KEY, position).then(
      () => {
        this.#lastSaved = json
        this.#saveFailed = false
      },
      async (error: unknown) => {
        // One notice per run of failures, not one per scroll.
        if (!this.#saveFailed) notices.show(await writeErrorMessage(error), 'error')
        this.#saveFailed = true
      }
    )
  }, 500)

  #current(): ReadingPosition | undefined {
    if (!this.article) return undefined
    const boxes = [...this.article.querySelectorAll<HTMLElement>('[data-block]')].map((el) => {
      const rect = el.getBoundingClientRect()
      const id = el.dataset.block ?? ''
      return { id, sectionId: this.#sectionOf.get(id) ?? '', top: rect.top, bottom: rect.bottom }
    })
    return positionAt(boxes, readingLine())
  }

  /** Follows scrolling, once a frame: the active section now, the saved position a moment later. */
  onScroll = (): void => {
    if (this.#frame) return
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0
      const position = this.#current()
      if (!position) return
      this.activeSection = position.sectionId
      if (this.ready && !this.lookUp) this.#save.call(position)
    })
  }

  /**
   * Reads the saved text size and position; scrolls to the position when `restore` says so
   * (after `drawn`, once the size applies), then starts saving.
   */
  load = async (restore: () => boolean, drawn: () => Promise<void>): Promise<void> => {
    const [size, saved] = await Promise.all([
      readSetting<unknown>(FONT_SIZE_KEY, 'medium'),
      readSetting<unknown>(POSITION_KEY, undefined)
    ])
    this.fontSize = parseFontSize(size)
    await drawn()
    const position = parsePosition(saved, (id) => this.#sectionOf.has(id))
    const restored = position !== undefined && restore()
    if (restored) this.#restore(position)
    this.ready = true
    // Scrolled before the database was open (a first start): that place is saved now.
    if (!restored && window.scrollY > 0) this.onScroll()
  }

  #restore(position: ReadingPosition): void {
    const el = this.article?.querySelector<HTMLElement>(`[data-block="${position.blockId}"]`)
    if (!el) return
    const top = el.getBoundingClientRect().top + window.scrollY - readingLine() + position.offset
    window.scrollTo({ top: Math.max(0, top), behavior: 'instant' })
    this.#lastSaved = JSON.stringify(position)
  }

  chooseSize = async (size: FontSize): Promise<void> => {
    this.fontSize = size
    if (size !== 'medium') rememberNextStart(false)
    try {
      await writeSetting(FONT_SIZE_KEY, size)
    } catch (error) {
      notices.show(await writeErrorMessage(error), 'error')
    }
  }

  /** Saves what is pending and stops following. */
  close = (): void => {
    this.#save.flush()
    cancelAnimationFrame(this.#frame)
    this.#frame = 0
  }
}
