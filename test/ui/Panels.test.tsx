import { describe, expect, it } from 'vitest'
import { keys, renderApp } from './helpers/render-app'

const pageDown = '\u001B[6~'

describe('detail panels', () => {
  it('shows the key policy document as KMS holds it with 5', async () => {
    const app = await renderApp()
    await app.open()
    await app.press('5')

    expect(app.frame()).toContain('[5 JSON]')
    expect(app.frame()).toContain('orders-key · key policy')
    expect(app.frame()).toContain('"Sid": "Enable IAM User Permissions",')
  })

  it('shows a deleted user in the key policy as its unique ID', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(keys.right, ':', 'as root DeleteUser UserName=alice', keys.enter, '5')
    await app.press(pageDown, pageDown)

    expect(app.frame()).toMatch(/"AWS": "AIDA[A-Z0-9]+"/)
    expect(app.frame()).not.toContain('user/alice')
  })

  it('lists the whole session in the trail, newest first, marking this step', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(keys.right, ':', 'advance 1 day', keys.enter, '4')
    const frame = app.frame()

    expect(frame).toContain('CloudTrail · 2 events, newest first · ▸ this step (1 event)')
    expect(frame).toMatch(/▸ 00:00:00 clock moves on/)
    expect(frame.indexOf('clock moves on')).toBeLessThan(frame.indexOf('Encrypt orders-key → ok'))
    expect(frame).toMatch(/^ {3}00:00:00 Encrypt orders-key → ok/m)
  })
})
