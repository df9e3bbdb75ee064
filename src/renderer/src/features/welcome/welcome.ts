/** What the first-launch welcome says the app holds, counted from the content model. Pure. */
import type { StudyContent } from '../../domain/content'

/** Set once the student has dismissed the welcome: it never shows again. */
export const WELCOME_SETTING = 'welcome.seen'

/** The counts the welcome shows. */
export interface WelcomeFacts {
  sections: number
  events: number
  figures: number
  entities: number
  cards: number
}

/** Counts the article's sections, its events, its trade figures, its named entities and the cards. */
export function welcomeFacts(content: StudyContent): WelcomeFacts {
  const { pack } = content
  return {
    sections: pack.sections.length,
    events: pack.events.length,
    figures: pack.trade.figures.length,
    entities: pack.entities.length,
    cards: content.cards.length
  }
}
