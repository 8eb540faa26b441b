import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/content/package-root'
import type { PolicyEditor } from '../../src/ui/controller/command-context'
import { createDraftFile, removeAllDraftFiles } from '../../src/ui/controller/draft-folders'
import { keys, renderApp } from './helpers/render-app'

/** An editor that rewrites the file it is given and remembers what it saw. */
function scriptedEditor(...edits: readonly ((text: string) => string)[]) {
  const seen: string[] = []
  const editor: PolicyEditor = {
    async edit(file) {
      const text = readFileSync(file, 'utf8')
      seen.push(text)
      writeFileSync(file, (edits[seen.length - 1] ?? ((same: string) => same))(text))

      return { ok: true }
    },
  }

  return { editor, seen }
}

const alice = '"arn:aws:iam::111122223333:user/alice"'
const bobAllowed = (text: string) =>
  text.replace(alice, `[${alice}, "arn:aws:iam::111122223333:user/bob"]`)

// Drops the statement that lets the account's root manage the key.
const withoutRoot = (text: string) => {
  const policy = JSON.parse(text) as { Statement: { Sid?: string }[] }
  policy.Statement = policy.Statement.filter((s) => s.Sid !== 'Enable IAM User Permissions')

  return JSON.stringify(policy, null, 2)
}

describe('free play', () => {
  it('runs a typed command against the current world', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(keys.right, ':', 'as bob Encrypt orders-key Plaintext=hi', keys.enter)

    expect(app.frame()).toContain('Free play')
    expect(app.frame()).toContain('▶ user/bob → Encrypt orders-key')
    expect(app.frame()).toContain('✗ Denied by default')
    expect(app.frame()).toContain('step 1/5')
  })

  it('keeps the prompt and says why when a command cannot be read', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(':', 'as nobody Encrypt', keys.enter)

    expect(app.frame()).toContain('No user or role named nobody')
    expect(app.frame()).toContain(': as nobody Encrypt')
    await app.press(keys.escape)

    expect(app.frame()).not.toContain(': as nobody Encrypt')
  })

  it('edits a key policy in the editor and sends it with PutKeyPolicy', async () => {
    const { editor, seen } = scriptedEditor(bobAllowed)
    const app = await renderApp({ editor })
    await app.open()
    await app.press(':', 'edit orders-key', keys.enter)

    expect(seen[0]).toContain('"Sid": "AliceUsesTheKey"')
    expect(app.frame()).toContain('▶ 111122223333:root → PutKeyPolicy orders-key')
    expect(app.frame()).toContain('✓ Allowed')
    await app.press(':', 'as bob Encrypt orders-key Plaintext=hi', keys.enter)

    expect(app.frame()).toContain('✓ Allowed · decided by key-policy:AliceUsesTheKey')
  })

  it('reports a malformed policy with its line and column and reopens the draft with e', async () => {
    const { editor, seen } = scriptedEditor(
      (text) => text.replace('"Version"', 'Version'),
      (text) => text,
    )
    const app = await renderApp({ editor })
    await app.open()
    await app.press(':', 'edit orders-key', keys.enter)

    expect(app.frame()).toMatch(/MalformedPolicyDocumentException at line 2, column 3/)
    expect(app.frame().replace(/\s+/g, ' ')).toContain('unexpected character. Press e to edit')
    await app.press('e')

    expect(seen[1]).toContain('  Version: "2012-10-17"')
  })

  it('saves the session as a scenario file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kms-sandbox-ui-'))
    const app = await renderApp({ cwd })
    await app.open()
    await app.press(keys.right, ':', 'save mine.yaml', keys.enter)

    expect(app.frame()).toContain(`Saved 1 step to ${join(cwd, 'mine.yaml')}`)
    expect(existsSync(join(cwd, 'mine.yaml'))).toBe(true)
    await app.press(':', 'save mine.yaml', keys.enter)

    expect(app.frame()).toContain('already exists')
  })

  it('names the saved scenario after its file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kms-sandbox-ui-'))
    const app = await renderApp({ cwd })
    await app.open()
    await app.press(
      keys.right,
      ':',
      'save my-run.yml',
      keys.enter,
      ':',
      'save Mine.yaml',
      keys.enter,
    )

    expect(readFileSync(join(cwd, 'my-run.yml'), 'utf8')).toMatch(/^id: my-run$/m)
    // Not kebab-case, so not an id: the default one stays.
    expect(readFileSync(join(cwd, 'Mine.yaml'), 'utf8')).toMatch(/^id: ui-basics-free-play$/m)
  })

  it('refuses to save before any step has run', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kms-sandbox-ui-'))
    const app = await renderApp({ cwd })
    await app.open()
    await app.press(':', 'save mine.yaml', keys.enter)

    expect(app.frame()).toContain('Nothing to save yet: run a step first.')
    expect(existsSync(join(cwd, 'mine.yaml'))).toBe(false)
  })

  it("refuses to save into the course's own scenarios folder", async () => {
    const app = await renderApp({ cwd: packageRoot() })
    await app.open()
    await app.press(keys.right, ':', 'save scenarios/mine.yaml', keys.enter)

    expect(app.frame()).toContain(
      "Save it outside the course's scenarios/ folder, e.g. save ~/my-scenario.yaml",
    )
    expect(existsSync(join(packageRoot(), 'scenarios', 'mine.yaml'))).toBe(false)
  })

  it('offers e to edit a refused policy again only until the next step runs', async () => {
    const { editor } = scriptedEditor((text) => text.replace('"Version"', 'Version'))
    const app = await renderApp({ editor })
    await app.open()
    await app.press(':', 'edit orders-key', keys.enter)

    expect(app.frame()).toContain('e edit again')
    await app.press(keys.right)

    expect(app.frame()).not.toContain('e edit again')
    expect(app.store.getState().scenario?.draft).toBeUndefined()
  })

  it('browses earlier commands with the arrows', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(':', 'advance 1 day', keys.enter, ':', keys.up)

    expect(app.frame()).toContain(': advance 1 day')
  })

  it('does not give away a refused edit while its outcome waits for a prediction', async () => {
    const { editor } = scriptedEditor(withoutRoot, bobAllowed)
    const app = await renderApp({ editor })
    await app.open()
    await app.press(':', 'edit orders-key', keys.enter, 'p', ':', 'edit orders-key', keys.enter)

    const frame = app.frame().replace(/\s+/g, ' ')
    expect(frame).toContain('Will KMS allow this request?')
    expect(frame).toContain('The policy edit was refused; its outcome shows once you answer.')
    expect(frame).not.toContain('AccessDeniedException')
  })

  it('leaves no draft folder behind once an edit is replaced or the scenario left', async () => {
    const { editor } = scriptedEditor(
      (text) => text.replace('"Version"', 'Version'),
      (text) => text.replace('"Version"', 'Version'),
    )
    const app = await renderApp({ editor })
    await app.open()
    await app.press(':', 'edit orders-key', keys.enter)
    const first = app.store.getState().scenario?.draft?.file ?? ''
    await app.press(':', 'edit orders-key', keys.enter)
    const second = app.store.getState().scenario?.draft?.file ?? ''

    expect(existsSync(first)).toBe(false)
    expect(existsSync(second)).toBe(true)
    await app.press('q')

    expect(existsSync(second)).toBe(false)
  })

  it('removes every draft folder when the app leaves', () => {
    const file = createDraftFile('key-policy.json')
    writeFileSync(file, '{}')
    removeAllDraftFiles()

    expect(existsSync(dirname(file))).toBe(false)
  })
})
