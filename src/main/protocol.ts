import { protocol } from 'electron'
import { createAppHandler } from './app-handler'
import { APP_SCHEME } from './origin'
import type { AppRoots } from './app-handler'

/** Must run before `app` is ready: app:// is standard and secure, and may be fetched. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves the app through the one fetch-style handler. */
export function setupProtocol(roots: AppRoots): void {
  protocol.handle(APP_SCHEME, createAppHandler(roots))
}
