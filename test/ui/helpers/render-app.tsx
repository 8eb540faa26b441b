import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { render } from 'ink-testing-library'
import type { Course } from '../../../src/content/course-schema'
import { loadScenarioFile } from '../../../src/content/load-scenario'
import type { Scenario } from '../../../src/content/scenario-schema'
import { ScenarioSession } from '../../../src/content/scenario-session'
import { App } from '../../../src/ui/App'
import type { PolicyEditor } from '../../../src/ui/controller/command-context'
import { createController } from '../../../src/ui/controller/controller'
import { emptyProgress, type Progress } from '../../../src/ui/progress/progress'
import { initialAppState, toCatalog } from '../../../src/ui/run-app'
import { createStore } from '../../../src/ui/state/store'

/** The fixture scenario every UI test plays. */
export const fixture: Scenario = loadFixture()

/** A course around the fixture; the second lesson's scenario is not loaded, so it lists none. */
export const course: Course = {
  formatVersion: 1,
  lessons: [
    {
      id: 'ui-lesson',
      title: 'Reading with a grant',
      file: '01-ui.md',
      scenarios: ['ui-basics'],
      hints: ['Grants name a grantee.'],
    },
    {
      id: 'later',
      title: 'A later lesson',
      file: '02-later.md',
      scenarios: ['not-loaded'],
      hints: ['-'],
    },
  ],
}

/** Escape and the arrows as a terminal sends them. */
export const keys = {
  right: '\u001B[C',
  left: '\u001B[D',
  up: '\u001B[A',
  down: '\u001B[B',
  escape: '\u001B',
  tab: '\t',
  enter: '\r',
} as const

type Options = {
  /** Plays this instead of the fixture (it must keep the fixture's id). */
  readonly scenario?: Scenario
  readonly progress?: Progress
  readonly notice?: string
  readonly loaded?: boolean
  readonly editor?: PolicyEditor
  readonly cwd?: string
  readonly startSession?: (scenario: Scenario) => Promise<ScenarioSession>
  readonly readLesson?: (file: string) => Promise<string>
}

/** Reads lesson files from the fixtures, as the app reads them from lessons/. */
export const readFixtureLesson = (file: string) =>
  readFile(join(import.meta.dirname, '..', 'fixtures', 'lessons', file), 'utf8')

/**
 * Renders the whole app with ink-testing-library around the fixture course.
 * `press` writes to stdin and waits until the input queue and ink settle.
 */
export async function renderApp(options: Options = {}) {
  const store = createStore(initialAppState(options.progress ?? emptyProgress, options.notice))
  const controller = createController({
    store,
    scenarios: new Map([[fixture.id, options.scenario ?? fixture]]),
    startSession: options.startSession ?? ((scenario) => ScenarioSession.start(scenario)),
    ...(options.editor ? { editor: options.editor } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    readLesson: options.readLesson ?? readFixtureLesson,
  })
  const app = render(<App store={store} controller={controller} />)
  if (options.loaded !== false)
    store.dispatch({ type: 'course-loaded', lessons: toCatalog(course, [fixture]) })

  const settle = async () => {
    // Escape waits a tick in ink before it counts as a key of its own.
    await new Promise((resolve) => setImmediate(resolve))
    await controller.idle()
    await new Promise((resolve) => setTimeout(resolve, 5))
  }

  await settle()

  return {
    ...app,
    store,
    frame: () => app.lastFrame() ?? '',
    async press(...data: readonly string[]) {
      for (const chunk of data) {
        app.stdin.write(chunk)
        await settle()
      }
    },
    /** Opens the fixture scenario from Home: enter on a lesson shows its text, enter again starts it. */
    async open() {
      await this.press(keys.enter)
      if (store.getState().reader) await this.press(keys.enter)
    },
  }
}

function loadFixture(): Scenario {
  const loaded = loadScenarioFile(join(import.meta.dirname, '..', 'fixtures', 'ui-basics.yaml'))
  if (!loaded.ok) throw new Error(loaded.issues.map((issue) => issue.message).join('\n'))

  return loaded.scenario
}
