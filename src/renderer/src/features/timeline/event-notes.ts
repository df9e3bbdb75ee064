/** The editorial notes the event panel shows: where the editors say the source is wrong or thin. */
import type { Pack, StudyEvent } from '$shared/pack-schema'

/** The editorial notes for an event: on the event itself, and on its source paragraph. */
export function notesForEvent(
  pack: Pack,
  event: StudyEvent
): { onEvent: Pack['notes']; onParagraph: Pack['notes'] } {
  const onEvent = pack.notes.filter((n) => n.attachedTo.includes(event.id))
  const onParagraph = pack.notes.filter(
    (n) => !n.attachedTo.includes(event.id) && n.attachedTo.includes(event.paragraphId)
  )
  return { onEvent, onParagraph }
}
