/** The keys that open the app-wide search, apart from the page so they can be tested. */

/** True when a key press is typing into a field (where `/` is a character, not a command). */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const field = (target as Element).closest(
    'input, textarea, select, [contenteditable="true"], [contenteditable=""]'
  )
  if (!field) return false
  return !(
    field.tagName === 'INPUT' &&
    ['radio', 'checkbox', 'range', 'button', 'submit'].includes((field as HTMLInputElement).type)
  )
}

/** `/` outside a field, or Ctrl/⌘+K anywhere: the keys that open the search box. */
export function opensSearch(event: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  target: EventTarget | null
}): boolean {
  if (event.altKey) return false
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target)
}
