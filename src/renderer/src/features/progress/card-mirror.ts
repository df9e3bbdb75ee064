/**
 * The card rows as the progress figures need them, kept in memory (in the progress worker) and
 * brought up to date from the ids each write names: the states and the 30-day forecast are then a
 * walk over memory, not some thirty index counts that make the database step through 100,000
 * index entries (seconds at that size on a busy machine) after every answer. The rows are read
 * once, by primary key in chunks; a write that names no ids (a restore, a sync) reads them again.
 */
import type { StudyDatabase } from '../../db/database'
import type { CardRow } from '../../domain/card-state'
import { countByState, dueForecast, type ForecastDay, type StateCounts } from '../../domain/stats'

/** Rows read at a time when every row is read. */
const CHUNK = 5_000

/** What changed since the last read: the card ids written, or 'all'. */
export type CardChanges = readonly string[] | 'all'

export class CardMirror {
  readonly #rows = new Map<string, CardRow>()
  #whole = false
  readonly #changed = new Set<string>()
  /** Catching up runs once at a time (two reads asked at once share the rows). */
  #catching: Promise<void> = Promise.resolve()

  constructor(private readonly db: StudyDatabase) {}

  /** Notes the cards a write changed (read again at the next `figures`). */
  note = (changes: CardChanges): void => {
    if (changes === 'all') {
      this.#whole = false
      this.#changed.clear()
    } else for (const id of changes) this.#changed.add(id)
  }

  /** The state counts and the forecast of the next `days` days at `now`, as the rows stand. */
  figures = async (
    now: number,
    days = 30
  ): Promise<{ states: StateCounts; forecast: ForecastDay[]; cards: number }> => {
    this.#catching = this.#catching.catch(() => {}).then(() => this.#catchUp())
    await this.#catching
    const rows = [...this.#rows.values()]
    return {
      states: countByState(rows),
      forecast: dueForecast(rows, now, days),
      cards: rows.length
    }
  }

  async #catchUp(): Promise<void> {
    if (!this.#whole) {
      // Ids noted while the rows are read are read again after, so none is left stale.
      this.#changed.clear()
      this.#rows.clear()
      let after = ''
      for (;;) {
        const chunk = await this.db.cards.where(':id').above(after).limit(CHUNK).toArray()
        for (const row of chunk) this.#rows.set(row.id, row)
        if (chunk.length < CHUNK) break
        after = chunk.at(-1)!.id
      }
      this.#whole = true
    }
    while (this.#changed.size) {
      const ids = [...this.#changed]
      this.#changed.clear()
      const rows = await this.db.cards.bulkGet(ids)
      ids.forEach((id, i) => {
        const row = rows[i]
        if (row) this.#rows.set(id, row)
        else this.#rows.delete(id)
      })
    }
  }
}
