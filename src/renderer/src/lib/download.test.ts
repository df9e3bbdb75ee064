/**
 * Downloads in the desktop app go through the save dialog, and the page says only what happened:
 * saved, or nothing at all after a cancelled dialog (a refused save: desktop.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SaveRequest, StudyAppBridge } from '$shared/ipc'
import { downloadNotice, downloadText } from './download'

/** A window whose bridge answers the save as the main process would. */
function desktop(answer: (request: SaveRequest) => Promise<'saved' | 'cancelled'>) {
  const requests: SaveRequest[] = []
  const studyApp = {
    saveFile: (request: SaveRequest) => {
      requests.push(request)
      return answer(request)
    }
  } as Partial<StudyAppBridge>
  vi.stubGlobal('window', { studyApp })
  return requests
}

afterEach(() => vi.unstubAllGlobals())

describe('a download in the desktop app', () => {
  it('hands the text and name to the save dialog and reports a save', async () => {
    const requests = desktop(() => Promise.resolve('saved'))
    const outcome = await downloadText('{"a":1}', 'backup.json', 'application/json')
    expect(requests).toEqual([{ text: '{"a":1}', fileName: 'backup.json' }])
    expect(outcome).toBe('saved')
    expect(downloadNotice(outcome, 'Backup file', '3 reviews')).toBe(
      'Backup file saved: 3 reviews.'
    )
  })

  it('says nothing when the student cancels the dialog', async () => {
    desktop(() => Promise.resolve('cancelled'))
    const outcome = await downloadText('x', 'cards.txt', 'text/plain')
    expect(outcome).toBe('cancelled')
    expect(downloadNotice(outcome, 'Anki export', '148 cards')).toBeNull()
  })
})

describe('a download in a browser', () => {
  it('leaves the word to the browser’s downloads', () => {
    expect(downloadNotice('handed-to-browser', 'Backup file', '3 reviews')).toBe(
      "Backup file made: 3 reviews. Your browser's downloads show where it went."
    )
  })
})
