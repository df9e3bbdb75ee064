/**
 * Whether the next start opens the reader at its top in the default text size: only then may
 * the boot script (src/renderer/boot.js) show the prerendered first screen before the app has read the database.
 */

/** The saved settings that decide where a plain start (no link) opens. */
export interface StartSettings {
  lastRoute: unknown
  position: unknown
  fontSize: unknown
}

/** True when a start without a hash would show the reader at its top, in the medium text size. */
export function opensAtReaderTop({ lastRoute, position, fontSize }: StartSettings): boolean {
  const route = lastRoute === undefined || lastRoute === '#/reader'
  const size = fontSize === undefined || fontSize === 'medium'
  return route && size && position === undefined
}
