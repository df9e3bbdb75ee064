import type { StudyAppBridge } from '../shared/ipc'

declare global {
  interface Window {
    /** Present only inside the desktop app. */
    studyApp?: StudyAppBridge
  }
}
