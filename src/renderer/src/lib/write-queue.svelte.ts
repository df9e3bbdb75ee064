/**
 * Writes run one after another, in the order they were asked for, while the caller goes on
 * without waiting (the next card is shown before the answer's transaction commits). When a write
 * fails, the queue stops: the writes queued behind it are refused unrun (they assumed the failed
 * one was saved), until the caller has put things right and calls `reset()`.
 */

/** A write refused because an earlier one in the queue failed (it was never run). */
export class WriteSkipped extends Error {
  constructor(override readonly cause: unknown) {
    super('Not saved: an earlier change in the queue failed.')
    this.name = 'WriteSkipped'
  }
}

export class WriteQueue {
  /** Writes asked for and not yet finished (the page says "Saving…" when they linger). */
  pending = $state(0)
  #tail: Promise<unknown> = Promise.resolve()
  /** Writes asked for since the last reset share a generation; a failure stops its generation. */
  #generation = 0
  #failure: { error: unknown; generation: number } | null = null

  /** Queues a write; its promise settles when it has committed (or failed, or was refused). */
  run<T>(write: () => Promise<T>): Promise<T> {
    this.pending += 1
    const generation = this.#generation
    const result = this.#tail.then(async () => {
      if (this.#failure?.generation === generation) throw new WriteSkipped(this.#failure.error)
      try {
        return await write()
      } catch (error) {
        if (!this.#failure || this.#failure.generation < generation) {
          this.#failure = { error, generation }
        }
        throw error
      }
    })
    const settled = result.then(
      () => {},
      () => {}
    )
    this.#tail = settled
    void settled.then(() => {
      this.pending -= 1
    })
    return result
  }

  /** Resolves once every write queued so far has settled. */
  async idle(): Promise<void> {
    let tail: Promise<unknown>
    do {
      tail = this.#tail
      await tail
    } while (tail !== this.#tail)
  }

  /** Whether a write failed and the queue refuses the rest (until `reset`). */
  get failed(): boolean {
    return this.#failure?.generation === this.#generation
  }

  /**
   * Accepts writes again after a failure has been dealt with: writes queued before this call are
   * still refused, writes queued after it run.
   */
  reset(): void {
    this.#generation += 1
  }
}
