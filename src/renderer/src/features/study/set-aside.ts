/**
 * Setting the card shown aside, as Anki's bury and suspend do: the change is recorded (undo takes
 * it back), the cards drawn ahead are dropped and the next card is shown. Not in cram mode, which
 * leaves the schedule alone.
 */
import type { CardRow } from '../../domain/card-state'
import type { StudySession } from './session.svelte'

/** Buries the card shown until the next study day. */
export async function bury(session: StudySession): Promise<void> {
  const current = session.current
  if (!current || session.cram) return
  await setAside(session, () => session.store.buryCard(current.card.id, session.due.cutoff))
}

/** Suspends the card shown (undo or the progress view brings it back). */
export async function suspend(session: StudySession): Promise<void> {
  const current = session.current
  if (!current || session.cram) return
  await setAside(session, () => session.store.setSuspended(current.card.id, true))
}

async function setAside(
  session: StudySession,
  write: () => Promise<{ before: CardRow; after: CardRow }>
): Promise<void> {
  await session.recorder.change(write)
  session.queue.clear()
  await session.advance()
}
