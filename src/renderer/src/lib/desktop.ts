import type { MenuCommand, StudyAppBridge } from '$shared/ipc'

/** Where each application-menu command takes the reader: a view and, if present, a section. */
export const MENU_DESTINATIONS: Record<MenuCommand, { hash: string; section?: string }> = {
  'export-trade': { hash: '#/trade', section: 'trade-download' },
  backup: { hash: '#/progress', section: 'data-heading' },
  about: { hash: '#/about' }
}

/**
 * Connects the page to the desktop shell, when there is one: menu commands move to their view
 * (and scroll to its section once drawn), and a notice left by the main process (a reload after
 * a crash) is shown. In a browser `bridge` is undefined and nothing happens.
 */
export function connectDesktop(
  bridge: StudyAppBridge | undefined,
  actions: { go: (hash: string) => void; notify: (text: string) => void }
): void {
  if (!bridge) return
  bridge.onMenuCommand((command) => {
    const destination = MENU_DESTINATIONS[command]
    actions.go(destination.hash)
    if (destination.section) {
      const id = destination.section
      // The view draws on the next frames; scroll once its section exists.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView())
      )
    }
  })
  void bridge.takeNotice().then(
    (text) => text && actions.notify(text),
    () => {}
  )
}
