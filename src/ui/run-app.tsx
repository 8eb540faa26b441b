import chalk from 'chalk'
import { render } from 'ink'
import type { ContentIssue } from '../content/content-issue'
import type { Course } from '../content/course-schema'
import type { CourseLoadResult } from '../content/load-course'
import type { Scenario } from '../content/scenario-schema'
import { App } from './App'
import { createController } from './controller/controller'
import { removeAllDraftFiles } from './controller/draft-folders'
import { loadProgress, progressPath, saveProgress } from './progress/progress-file'
import type { Progress } from './progress/progress'
import type { AppState, CatalogLesson } from './state/app-state'
import { createStore, type Store } from './state/store'
import { terminalEditor } from './terminal-editor'

/** What the interactive course starts from. */
export type RunAppOptions = {
  /** Reads the course; called once the first frame is on screen. */
  readonly loadCourse: () => Promise<CourseLoadResult>
  /** Where progress is read and saved; by default the user's config folder. */
  readonly progressFile?: string
}

/** How the course ended. */
export type AppExit = {
  /** The problems that stopped the course from loading; empty after a normal quit. */
  readonly issues: readonly ContentIssue[]
  /** True when the learner left with Ctrl+C rather than q. */
  readonly interrupted: boolean
}

/** Runs the interactive course until the learner quits, and says how it ended. */
export async function runApp(options: RunAppOptions): Promise<AppExit> {
  // ink draws with chalk, which does not read NO_COLOR (https://no-color.org) by itself.
  if (process.env['NO_COLOR']) chalk.level = 0

  const file = options.progressFile ?? progressPath()
  const loaded = loadProgress(file)
  const store = createStore(initialAppState(loaded.progress, loaded.notice))
  saveProgressOnChange(store, file)

  const scenarios = new Map<string, Scenario>()
  const controller = createController({ store, scenarios, editor: terminalEditor() })
  const courseLoading = options.loadCourse()
  const applyCourse = (course: CourseLoadResult) => {
    if (course.ok) {
      for (const scenario of course.scenarios) scenarios.set(scenario.id, scenario)
      store.dispatch({ type: 'course-loaded', lessons: toCatalog(course.course, course.scenarios) })
    } else {
      store.dispatch({ type: 'quit' })
    }
  }

  // A course that is ready at once (from the build's cache) is in the first
  // frame; one that takes longer follows a "Loading the course…" frame.
  const early = await Promise.race([courseLoading, delay(60)])
  if (early) applyCourse(early)

  const instance = render(<App store={store} controller={controller} />, { exitOnCtrlC: false })
  const course = await courseLoading
  if (!early) applyCourse(course)

  // Policy drafts live in temporary folders; none outlives the app, however it ends.
  process.once('exit', removeAllDraftFiles)
  try {
    await instance.waitUntilExit()
  } finally {
    removeAllDraftFiles()
  }

  return { issues: course.ok ? [] : course.issues, interrupted: store.getState().interrupted }
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms))
}

/** Home's view of the course: lessons in order, each with its scenarios' titles. */
export function toCatalog(
  course: Course,
  scenarios: readonly Scenario[],
): readonly CatalogLesson[] {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]))

  return course.lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    file: lesson.file,
    hints: lesson.hints,
    scenarios: lesson.scenarios.flatMap((id) => {
      const scenario = byId.get(id)

      return scenario
        ? [
            {
              id,
              title: scenario.title,
              summary: scenario.summary,
              stepCount: scenario.steps.length,
            },
          ]
        : []
    }),
  }))
}

/** The state the app opens with: Home, waiting for the course. */
export function initialAppState(progress: Progress, notice?: string): AppState {
  return {
    screen: 'home',
    loading: true,
    lessons: [],
    cursor: 0,
    progress,
    ...(notice ? { notice } : {}),
    help: false,
    helpScroll: 0,
    viewport: { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 },
    suspended: false,
    quitting: false,
    interrupted: false,
  }
}

function saveProgressOnChange(store: Store, file: string): void {
  let saved = store.getState().progress
  let failed = false

  store.subscribe(() => {
    const { progress } = store.getState()
    if (progress === saved) return

    saved = progress
    const { error } = saveProgress(file, progress)
    // Say it once: a read-only config folder would otherwise repeat on every step.
    if (error && !failed) store.dispatch({ type: 'notice', text: error })
    failed ||= error !== undefined
  })
}
