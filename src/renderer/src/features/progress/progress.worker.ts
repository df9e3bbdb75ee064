/**
 * The progress figures computed away from the page: this worker opens the same database and keeps
 * the log totals between reads, so summing a million log rows never stalls the window.
 */
import { StudyDatabase } from '../../db/database'
import type { CardChanges } from './card-mirror'
import { ProgressReader } from './progress-data'

/** What the page asks: the figures at a time. */
export interface ProgressRequest {
  id: number
  now: number
  /** The cards written since the last request (or 'all'), so the worker reads only those. */
  changes: CardChanges
}

const reader = new ProgressReader(new StudyDatabase())
const scope = globalThis as unknown as {
  postMessage(message: unknown): void
  onmessage: ((event: MessageEvent<ProgressRequest>) => void) | null
}

scope.onmessage = (event) => {
  const { id, now, changes } = event.data
  reader.read(now, changes).then(
    (data) => scope.postMessage({ id, data }),
    (error: unknown) => scope.postMessage({ id, error: String(error) })
  )
}
