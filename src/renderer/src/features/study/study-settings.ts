/** The study settings a session starts with, read from the database and clamped to their ranges. */
import { getSetting } from '../../db/settings'
import { DEFAULT_RETENTION } from '../../domain/scheduler'
import type { NewCardOrder } from '../../domain/study-queue'
import { DEFAULT_NEW_PER_DAY, clampNewPerDay, clampRetention } from './lib'
import type { StudySession } from './session.svelte'

/** Gives a session the saved retention, new cards per day, new-card order and bury options. */
export async function loadStudySettings(session: StudySession): Promise<void> {
  const [retention, newPerDay, newOrder, buryNew, buryReview] = await Promise.all([
    getSetting<number>('study.retention', DEFAULT_RETENTION),
    getSetting<number>('study.newPerDay', DEFAULT_NEW_PER_DAY),
    getSetting<NewCardOrder>('study.newOrder', 'mixed'),
    getSetting<boolean>('study.buryNew', true),
    getSetting<boolean>('study.buryReview', true)
  ])
  session.retention = clampRetention(retention)
  session.due.newPerDay = clampNewPerDay(newPerDay)
  session.newOrder = newOrder === 'date' ? 'date' : 'mixed'
  session.buryNew = buryNew !== false
  session.buryReview = buryReview !== false
}
