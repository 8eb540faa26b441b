import type { Key } from 'ink'
import type { Scenario } from '../../content/scenario-schema'
import type { Store } from '../state/store'
import { ScenarioSessionLoader } from './session-loader'
import type { CommandContext, PolicyEditor } from './command-context'
import type { Command } from './intent'
import { toIntent } from './key-map'
import { toKeyPresses, type KeyPress } from './keypress'
import { openLesson, readShippedLesson } from './lesson-commands'
import { createSerialQueue } from './serial-queue'
import { leaveScenario, nextStep, openScenario, rewind } from './session-commands'

/** Turns key presses into state changes and sandbox work, strictly in order. */
export type Controller = {
  /** Queues what ink reported; each press is read against the state the previous ones left. */
  readonly press: (input: string, key: Key) => void
  /** Settles once every press queued so far has been handled. */
  readonly idle: () => Promise<void>
  /** The terminal changed size: the lesson and the help scroll within it. */
  readonly resize: (columns: number, rows: number) => void
  /** The detail panel was laid out: it scrolls no further than this. */
  readonly scrollLimit: (limit: number) => void
}

/** What the controller works with; the optional parts have working defaults. */
export type ControllerOptions = {
  readonly store: Store
  /** The scenarios Home can open, by id; filled once the course is read. */
  readonly scenarios: ReadonlyMap<string, Scenario>
  /** By default a ScenarioSession, whose code loads when the first scenario opens. */
  readonly startSession?: CommandContext['startSession']
  /** By default none, and `edit` says so. */
  readonly editor?: PolicyEditor
  /** Where `save <file>` writes; by default the working directory. */
  readonly cwd?: string
  /** Reads a lesson's Markdown; by default from the package's lessons/ folder. */
  readonly readLesson?: (file: string) => Promise<string>
}

/**
 * The only place input becomes change. Presses go through one serial queue:
 * a press that needs the sandbox (running a step) finishes, and its result
 * is dispatched, before the next press is even read. Ctrl+C skips the queue.
 */
export function createController(options: ControllerOptions): Controller {
  const context: CommandContext = {
    startSession: ScenarioSessionLoader.start,
    editor: noEditor,
    cwd: process.cwd(),
    readLesson: readShippedLesson,
    lessonTexts: new Map(),
    ...options,
  }
  const { store } = context
  const queue = createSerialQueue((error) => {
    const text = error instanceof Error ? error.message : String(error)
    store.dispatch({ type: 'message', message: { tone: 'error', text } })
  })

  return {
    press(input, key) {
      for (const press of toKeyPresses(input, key)) {
        if (press.kind === 'ctrl-c') store.dispatch({ type: 'quit', interrupted: true })
        else queue.push(() => handle(press))
      }
    },
    idle: () => queue.idle(),
    resize: (columns, rows) => store.dispatch({ type: 'viewport', columns, rows }),
    scrollLimit: (limit) => store.dispatch({ type: 'scroll-limit', limit }),
  }

  async function handle(press: KeyPress): Promise<void> {
    const intent = toIntent(store.getState(), press)
    if (!intent) return

    if (intent.kind === 'action') store.dispatch(intent.action)
    else await execute(intent.command)
  }

  async function execute(command: Command): Promise<void> {
    switch (command.type) {
      case 'open':
        return openScenario(context, command)
      case 'next':
        return nextStep(context)
      case 'back':
      case 'restart':
        return rewind(context, command.type === 'restart')
      case 'home':
        return leaveScenario(context)
      // Free play loads on first use: the first frame does not wait for it.
      case 'submit':
        return (await import('./free-play-commands')).submitPrompt(context, command.text)
      case 'reopen-draft':
        return (await import('./edit-key-policy')).reopenDraft(context)
      case 'lesson':
        return openLesson(context, command)
    }
  }
}

const noEditor: PolicyEditor = {
  edit: async () => ({ ok: false, message: 'No editor is available here.' }),
}
