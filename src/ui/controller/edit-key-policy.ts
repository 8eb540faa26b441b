import { readFileSync, writeFileSync } from 'node:fs'
import type { ScenarioSession } from '../../content/scenario-session'
import type { ScenarioStep } from '../../content/scenario-schema'
import { parsePolicy } from '../../policy'
import type { CommandContext } from './command-context'
import { createDraftFile, removeDraftFile } from './draft-folders'
import { dropDraft, playExtra } from './session-commands'

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

  // A new edit replaces a refused draft, whose file goes with it.
  dropDraft(context)
  const file = createDraftFile(`${keyRef}-policy.json`)
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
  const { session } = context
  if (!session) return discard(context, draft)

  try {
    await apply(context, session, draft, original)
  } catch (error) {
    discard(context, draft)
    throw error
  }
}

async function apply(
  context: CommandContext,
  session: ScenarioSession,
  draft: Draft,
  original?: string,
): Promise<void> {
  const { store } = context
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

  // While a prediction hides the outcome, the message must not give it away.
  const hidden = context.store.getState().scenario?.phase.kind !== 'idle'
  const refused = hidden
    ? 'The policy edit was refused; its outcome shows once you answer'
    : `${last?.error?.code ?? 'The policy was refused'}: see the outcome above`
  keep(context, draft, refused)
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
  removeDraftFile(draft.file)
  context.store.dispatch({ type: 'draft' })
}

function say(context: CommandContext, tone: 'info' | 'error', text: string): void {
  context.store.dispatch({ type: 'message', message: { tone, text } })
}
