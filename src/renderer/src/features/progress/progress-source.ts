/**
 * Where the progress view gets its figures: from a Web Worker that reads the database itself
 * (progress.worker.ts), so the page never sums the logs; in the page only where workers are
 * missing or fail to start (unit tests).
 */
import Dexie, { type ObservabilitySet } from 'dexie'
import type { StudyDatabase } from '../../db/database'
import { mutatedKeys } from '../mastery'
import type { CardChanges } from './card-mirror'
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

  read = (now: number, changes: CardChanges): Promise<ProgressData> =>
    new Promise((resolve, reject) => {
      const id = this.#next++
      this.#waiting.set(id, { resolve, reject })
      this.#worker.postMessage({ id, now, changes } satisfies ProgressRequest)
    })
}

let worker: WorkerSource | undefined
let inPage: ProgressReader | undefined

/**
 * The change notices Dexie gave since the last read (a write commits, then notifies here at once,
 * before any live query runs again): each read hands on the card ids they name, so the card rows
 * the figures keep are brought up to date by reading those rows only.
 */
let notices: ObservabilitySet[] = []
/** Past this many notices unread, the rows are read again whole (nothing grows without bound). */
const MOST_NOTICES = 500
let everything = true
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  if (everything) return
  if (notices.length >= MOST_NOTICES) everything = true
  else notices.push(parts)
})

/** The cards written since the last call, in `db`, or 'all'. */
function takeChanges(db: StudyDatabase): CardChanges {
  const taken = notices
  const whole = everything
  notices = []
  everything = false
  if (whole) return 'all'
  const ids = new Set<string>()
  for (const parts of taken) {
    const keys = mutatedKeys(parts, db.name, 'cards')
    if (keys === 'all') return 'all'
    for (const id of keys) ids.add(id)
  }
  return [...ids]
}

/** The figures at `now`, from the worker when there is one. */
async function read(db: StudyDatabase, now: number): Promise<ProgressData> {
  const changes = takeChanges(db)
  if (typeof Worker !== 'undefined' && !worker?.broken) {
    try {
      worker ??= new WorkerSource()
      return await worker.read(now, changes)
    } catch (error) {
      if (!worker?.broken) throw error
      // The worker never saw these changes: the reader in the page starts from every row.
    }
  }
  inPage ??= new ProgressReader(db)
  return inPage.read(now, inPageFresh ? changes : 'all').finally(() => (inPageFresh = true))
}

let inPageFresh = false

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

/**
 * Starts the worker and sums the logs once, in the background, so the view opens ready. Settles
 * when that first read is done, failed or not.
 */
export function warmProgress(db: StudyDatabase): Promise<void> {
  return read(db, Date.now()).then(
    () => undefined,
    () => {
      // The view reports its own errors when it opens.
    }
  )
}
