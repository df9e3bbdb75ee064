/** What Undo can take back in a session, most recent last. */
import type { CardRow } from '../../domain/card-state'
import type { Rating } from '../../domain/scheduler'

/** What an answer's commit saved: its log rows, and the siblings it buried as they were before. */
export interface Committed {
  logIds: number[]
  buried: CardRow[]
}

export type UndoEntry =
  | {
      kind: 'answer'
      rows: { before: CardRow; after: CardRow }[]
      /** The ratings given, one per row. */
      ratings: Rating[]
      /** Settles when the answer is saved (it may still be queued); rejects if it never was. */
      commit: Promise<Committed>
    }
  | { kind: 'change'; before: CardRow; after: CardRow }
  | { kind: 'cram'; cardId: string; rating: Rating }

/** A plain stack with its size as state, so the Undo button can follow it. */
export class UndoStack {
  #entries: UndoEntry[] = []
  size = $state(0)

  push = (entry: UndoEntry): void => {
    this.#entries.push(entry)
    this.size = this.#entries.length
  }

  pop = (): UndoEntry | undefined => {
    const entry = this.#entries.pop()
    this.size = this.#entries.length
    return entry
  }

  /** The entry on top, if any (an overruled grade replaces it). */
  peek = (): UndoEntry | undefined => this.#entries.at(-1)

  clear = (): void => {
    this.#entries = []
    this.size = 0
  }
}
