/**
 * Where the progress view gets its figures: from a Web Worker that reads the database itself
 * (progress.worker.ts), so the page never sums the logs; in the page only where workers are
 * missing or fail to start (unit tests).
 */
import type { StudyDatabase } from '../../db/database'
import { ProgressReader, type ProgressData } from './progress-data'
import type { ProgressRequest } from './progress.worker'

type Reply = { id: number; data: ProgressData } | { id: number; error: string }

class WorkerSource {
  #worker: Worker
  #next = 1
  #waiting = new Map<number, { resolve: (d: ProgressData) => void; reject: (e: Error) => void }>()
  broken = false

  constructor() {
    this.#worker = new Worker(new URL('./progress.worker.ts', import.meta.url), { type: 'module' })
    this.#worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data
      const waiting = this.#waiting.get(reply.id)
      this.#waiting.delete(reply.id)
      if ('data' in reply) waiting?.resolve(reply.data)
      else waiting?.reject(new Error(reply.error))
    }
    this.#worker.onerror = (event) => {
      // The worker could not start or crashed: answer what was asked in the page from now on.
      this.broken = true
      for (const waiting of this.#waiting.values()) waiting.reject(new Error(event.message))
      this.#waiting.clear()
    }
  }

  read = (now: number): Promise<ProgressData> =>
    new Promise((resolve, reject) => {
      const id = this.#next++
      this.#waiting.set(id, { resolve, reject })
      this.#worker.postMessage({ id, now } satisfies ProgressRequest)
    })
}

let worker: WorkerSource | undefined
let inPage: ProgressReader | undefined

/** The figures at `now`, from the worker when there is one. */
async function read(db: StudyDatabase, now: number): Promise<ProgressData> {
  if (typeof Worker !== 'undefined' && !worker?.broken) {
    try {
      worker ??= new WorkerSource()
      return await worker.read(now)
    } catch (error) {
      if (!worker?.broken) throw error
    }
  }
  inPage ??= new ProgressReader(db)
  return inPage.read(now)
}

/**
 * The progress view's live query: it reads one row of each table in the page, by primary key over
 * the whole key range, which makes it run again after any write to cards or logs (Dexie watches
 * the range a query covers), and gets the figures from the worker.
 */
export function progressQuery(db: StudyDatabase): () => Promise<ProgressData> {
  return async () => {
    await db.transaction('r', db.cards, db.reviewLogs, () =>
      Promise.all([db.cards.limit(1).toArray(), db.reviewLogs.limit(1).toArray()])
    )
    return read(db, Date.now())
  }
}

/** Starts the worker and sums the logs once, in the background, so the view opens ready. */
export function warmProgress(db: StudyDatabase): void {
  read(db, Date.now()).catch(() => {
    // The view reports its own errors when it opens.
  })
}
