import { existsSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import { parseFreePlayCommand } from '../../content/free-play'
import { packageRoot } from '../../content/package-root'
import { toScenarioYaml } from '../../content/save-scenario'
import type { ScenarioSession } from '../../content/scenario-session'
import type { CommandContext } from './command-context'
import { editKeyPolicy } from './edit-key-policy'
import { dropDraft, playExtra } from './session-commands'

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
  dropDraft(context)
  await playExtra(context, parsed.step)
}

function saveSession(context: CommandContext, session: ScenarioSession, file: string): void {
  const say = (tone: 'info' | 'error', text: string) =>
    context.store.dispatch({ type: 'message', message: { tone, text } })
  if (file === '') return say('error', 'Name the file: save my-scenario.yaml')

  const steps = session.results.length
  if (steps === 0) return say('error', 'Nothing to save yet: run a step first.')

  const path = resolve(context.cwd, expandHome(file))
  // The course lists its scenarios; one it does not list there stops it from loading.
  if (isInside(path, join(packageRoot(), 'scenarios'))) {
    return say(
      'error',
      "Save it outside the course's scenarios/ folder, e.g. save ~/my-scenario.yaml",
    )
  }

  if (existsSync(path)) return say('error', `${path} already exists; choose another name.`)

  const count = `${steps} ${steps === 1 ? 'step' : 'steps'}`
  const id = idFromFile(path)

  try {
    writeFileSync(path, toScenarioYaml(session, id ? { id } : {}), { flag: 'wx' })
    say('info', `Saved ${count} to ${path}; replay it with kms-sandbox replay ${file}`)
  } catch (error) {
    say(
      'error',
      `Failed to save ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
}

// `my-run.yaml` names the scenario `my-run`; a name that is not kebab-case keeps the default id.
function idFromFile(path: string): string | undefined {
  const name = basename(path).replace(/\.ya?ml$/i, '')

  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) ? name : undefined
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)

  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

// The prompt is not a shell: `~/` is expanded here, as the message suggests it.
function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? join(homedir(), file.slice(1)) : file
}
