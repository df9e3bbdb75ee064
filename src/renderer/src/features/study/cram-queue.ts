/**
 * The queue of a cram session (studying chosen cards without touching the schedule): the cards
 * in a shuffled order, a card answered Again going to the back to come round once more.
 */
import { seededRandom, shuffle } from '../../domain/quiz'
import type { Rating } from '../../domain/scheduler'

export class CramQueue {
  #ids: string[] = []

  /** Starts over with these cards, shuffled by the session's seed. */
  fill(ids: readonly string[], seed: number): void {
    this.#ids = shuffle(ids, seededRandom(seed))
  }

  /** The card to show now. */
  get first(): string | undefined {
    return this.#ids[0]
  }

  has(id: string): boolean {
    return this.#ids.includes(id)
  }

  /** Puts a card first (a session taken up again shows the card it was on). */
  bringFirst(id: string): void {
    this.#ids = [id, ...this.#ids.filter((other) => other !== id)]
  }

  /** The card shown was answered: it leaves the front, and comes round again after Again. */
  answered(rating: Rating): void {
    const id = this.#ids.shift()
    if (id && rating === 1) this.#ids.push(id)
  }

  /** Takes an answer back: the card is first again. */
  undo(id: string, rating: Rating): void {
    if (rating === 1) this.#ids.pop()
    this.#ids.unshift(id)
  }

  /** The last answer's rating changed (overruled): Again sends the card round again, or not. */
  regrade(id: string, from: Rating, to: Rating): void {
    if (from === 1) this.#ids.pop()
    if (to === 1) this.#ids.push(id)
  }
}
