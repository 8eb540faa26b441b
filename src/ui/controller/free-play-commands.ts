import { existsSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseFreePlayCommand } from '../../content/free-play'
import { toScenarioYaml } from '../../content/save-scenario'
import type { ScenarioSession } from '../../content/scenario-session'
import type { CommandContext } from './command-context'
import { editKeyPolicy } from './edit-key-policy'
import { playExtra } from './session-commands'

/**
 * Runs what the learner typed at the free-play prompt: `edit <key-ref>`,
 * `save <file>`, or a command the content layer reads into a step. A command
 * it cannot read leaves the prompt open with the reason.
 */
export async function submitPrompt(context: CommandContext, text: string): Promise<void> {
  const { session, store } = context
  if (!session) return
  if (text === '') return store.dispatch({ type: 'prompt-close' })

  const [word = '', ...rest] = text.split(/\s+/)
  if (word === 'edit' || word === 'save') {
    store.dispatch({ type: 'prompt-sent', text })
    if (word === 'edit') return editKeyPolicy(context, session, rest.join(' '))

    return saveSession(context, session, rest.join(' '))
  }

  const parsed = parseFreePlayCommand(text, session.scenario)
  if (!parsed.ok)
    return store.dispatch({ type: 'message', message: { tone: 'error', text: parsed.message } })

  store.dispatch({ type: 'prompt-sent', text })
  await playExtra(context, parsed.step)
}

function saveSession(context: CommandContext, session: ScenarioSession, file: string): void {
  const say = (tone: 'info' | 'error', text: string) =>
    context.store.dispatch({ type: 'message', message: { tone, text } })
  if (file === '') return say('error', 'Name the file: save my-scenario.yaml')

  const path = resolve(context.cwd, file)
  if (existsSync(path)) return say('error', `${path} already exists; choose another name.`)

  const steps = session.results.length
  const count = `${steps} ${steps === 1 ? 'step' : 'steps'}`

  try {
    writeFileSync(path, toScenarioYaml(session), { flag: 'wx' })
    say('info', `Saved ${count} to ${path}; replay it with kms-sandbox replay ${file}`)
  } catch (error) {
    say(
      'error',
      `Failed to save ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
}
