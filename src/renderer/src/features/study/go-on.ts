/**
 * The summary's "go on" choices, as Anki offers them when a session is done: more new cards than
 * the daily limit, tomorrow's reviews now, and the cards missed in this session again.
 */
import { nextStudyDay } from '../../domain/study-queue'
import type { StudySession } from './session.svelte'

/** More new cards today than the daily limit. */
export async function moreNew(session: StudySession, count = 10): Promise<void> {
  session.due.extraNew += count
  session.queue.clear()
  await session.advance()
}

/** Reviews due tomorrow, now (Anki's "review ahead"). */
export async function reviewAhead(session: StudySession): Promise<void> {
  session.due.cutoff = nextStudyDay(session.due.cutoff)
  session.queue.clear()
  const ticket = session.due.counting()
  session.due.arrived(
    await session.store.countDue(Date.now(), session.due.cutoff, session.filterSet),
    ticket
  )
  await session.advance()
}

/** The cards missed in this session again, in cram mode (the schedule is left untouched). */
export async function missedAgain(session: StudySession): Promise<void> {
  if (!session.tally.missed.length) return
  session.cram = true
  session.cramQueue.fill(session.tally.missed, session.seed)
  session.queue.clear()
  await session.advance()
}
