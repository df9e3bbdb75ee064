import { describe, expect, it } from 'vitest'
import { ZOOM_STEP, axisAction } from './keymap'

const press = (key: string, { shiftKey = false, onLabel = true } = {}) =>
  axisAction({ key, shiftKey, onLabel })

describe('the axis keys', () => {
  it('arrows step between events; with Shift they pan a fifth of the window', () => {
    expect(press('ArrowRight')).toEqual({ kind: 'step', by: 1 })
    expect(press('ArrowLeft')).toEqual({ kind: 'step', by: -1 })
    expect(press('ArrowRight', { shiftKey: true })).toEqual({ kind: 'pan', by: 0.2 })
    expect(press('ArrowLeft', { shiftKey: true })).toEqual({ kind: 'pan', by: -0.2 })
    expect(press('PageDown')).toEqual({ kind: 'pan', by: 0.8 })
    expect(press('PageUp')).toEqual({ kind: 'pan', by: -0.8 })
  })

  it('Home and End go to the first and last event; 0 fits all', () => {
    expect(press('Home')).toEqual({ kind: 'first' })
    expect(press('End')).toEqual({ kind: 'last' })
    expect(press('0')).toEqual({ kind: 'fit' })
  })

  it('+ and − zoom by one step, in and out, with or without Shift on the keyboard', () => {
    for (const key of ['+', '='])
      expect(press(key)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP })
    for (const key of ['-', '_']) expect(press(key)).toEqual({ kind: 'zoom', factor: ZOOM_STEP })
  })

  it("Enter and Space open from the axis, and are left to a label's own click", () => {
    expect(press('Enter', { onLabel: false })).toEqual({ kind: 'open' })
    expect(press(' ', { onLabel: false })).toEqual({ kind: 'open' })
    expect(press('Enter')).toBeUndefined()
    expect(press(' ')).toBeUndefined()
  })

  it('leaves every other key to the page (Tab, Escape, letters)', () => {
    for (const key of ['Tab', 'Escape', 'a', 'ArrowUp', 'ArrowDown']) {
      expect(press(key)).toBeUndefined()
    }
  })
})
