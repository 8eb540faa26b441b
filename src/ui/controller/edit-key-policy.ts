import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { ScenarioSession } from '../../content/scenario-session'
import type { ScenarioStep } from '../../content/scenario-schema'
import { parsePolicy } from '../../policy'
import type { CommandContext } from './command-context'
import { playExtra } from './session-commands'

type Draft = { readonly keyRef: string; readonly file: string }

/**
 * `edit <key-ref>`: opens the key's current policy in the learner's editor
 * and, when they save a change, sends it with PutKeyPolicy as the key's
 * account root (bypassing the lockout check, as setup does). A document the
 * sandbox refuses is kept in its file, to reopen with `e`.
 */
export async function editKeyPolicy(
  context: CommandContext,
  session: ScenarioSession,
  keyRef: string,
): Promise<void> {
  const key = findKey(session, keyRef)
  if (!key) {
    const known = [...session.world.keys.keys()].join(', ')

    return say(context, 'error', `No key named "${keyRef}"; this scenario's keys: ${known}`)
  }

  const file = join(mkdtempSync(join(tmpdir(), 'kms-sandbox-')), `${keyRef}-policy.json`)
  const original = `${JSON.stringify(JSON.parse(key.policy), null, 2)}\n`
  writeFileSync(file, original)

  await editAndApply(context, { keyRef, file }, original)
}

/** Opens a refused policy draft again, with the learner's text as they left it. */
export async function reopenDraft(context: CommandContext): Promise<void> {
  const draft = context.store.getState().scenario?.draft
  if (draft) await editAndApply(context, draft)
}

async function editAndApply(
  context: CommandContext,
  draft: Draft,
  original?: string,
): Promise<void> {
  const { store, session } = context
  if (!session) return

  store.dispatch({ type: 'suspend', suspended: true })
  const edited = await context.editor
    .edit(draft.file)
    .finally(() => store.dispatch({ type: 'suspend', suspended: false }))
  if (!edited.ok) return keep(context, draft, edited.message)

  const text = readFileSync(draft.file, 'utf8')
  if (text === original) {
    discard(context, draft)

    return say(context, 'info', 'Key policy unchanged; nothing was sent.')
  }

  const parsed = parsePolicy(text, 'key')
  if (!parsed.ok) {
    const { position, path, message } = parsed.error
    const where = position ? `line ${position.line}, column ${position.column}` : path

    return keep(context, draft, `${parsed.error.code} at ${where}: ${message}`)
  }

  await playExtra(context, putKeyPolicyStep(session, draft.keyRef, JSON.parse(text)))
  const last = session.results.at(-1)
  if (last?.status === 'allowed') return discard(context, draft)

  keep(context, draft, `${last?.error?.code ?? 'The policy was refused'}: see the outcome above.`)
}

function putKeyPolicyStep(session: ScenarioSession, keyRef: string, policy: unknown): ScenarioStep {
  const arn = session.world.keys.get(keyRef) ?? ''
  const account = /:(\d{12}):/.exec(arn)?.[1] ?? session.world.homeAccount
  const args = { KeyId: keyRef, Policy: policy, BypassPolicyLockoutSafetyCheck: true }

  return {
    as: `${account}:root`,
    do: { kind: 'kms', kms: 'PutKeyPolicy', args },
    hints: [],
  } as ScenarioStep
}

function findKey(
  session: ScenarioSession,
  keyRef: string,
): { readonly policy: string } | undefined {
  const arn = session.world.keys.get(keyRef)
  const record = Object.values(session.state.keys).find((key) => key.arn === arn)

  return record && { policy: record.policy.text }
}

function keep(context: CommandContext, draft: Draft, problem: string): void {
  context.store.dispatch({ type: 'draft', draft })
  say(context, 'error', `${problem.replace(/\.?$/, '.')} Press e to edit ${draft.file} again.`)
}

function discard(context: CommandContext, draft: Draft): void {
  rmSync(dirname(draft.file), { recursive: true, force: true })
  context.store.dispatch({ type: 'draft' })
}

function say(context: CommandContext, tone: 'info' | 'error', text: string): void {
  context.store.dispatch({ type: 'message', message: { tone, text } })
}
