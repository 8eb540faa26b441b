import { formatIssue } from '../content/content-issue'
import { exitCodes } from './io'

const noTerminal = [
  'kms-sandbox: the interactive course needs a terminal (stdin and stdout must be a TTY).',
  'Without one, these work:',
  '  kms-sandbox list                 the lessons and scenarios',
  '  kms-sandbox replay <scenario>    a scenario step by step, as text',
  '  kms-sandbox explain ...          why a request to a key is allowed or denied',
  '  kms-sandbox check FILE...        policy check files',
  '',
].join('\n')

/**
 * `kms-sandbox` with no command: the interactive course. Checks for a
 * terminal before anything heavy loads. The UI (ink, React) comes in by
 * dynamic import afterwards; the course is read once the first frame is
 * drawn, and the Encryption SDK only loads when a step needs it.
 */
export async function startInteractive(): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(noTerminal)

    return exitCodes.badInput
  }

  // The course loads while the UI's modules do: from the build's cache it takes a few milliseconds.
  const course = loadShippedCourse()
  const { runApp } = await importWithLiveTerminal(() => import('../ui/run-app'))
  const { issues, interrupted } = await runApp({ loadCourse: () => course })

  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`)

  if (issues.length > 0) return exitCodes.badInput

  return interrupted ? exitCodes.interrupted : exitCodes.ok
}

async function loadShippedCourse() {
  const [{ loadCourseCached }, { packageRoot }] = await Promise.all([
    import('../content/course-cache'),
    import('../content/package-root'),
  ])

  return loadCourseCached(packageRoot())
}

/**
 * ink draws only a final frame when the environment says CI, even on a real
 * terminal; it decides when it loads. The TTY check above already passed, so
 * load it as if outside CI, then put the environment back for child processes.
 */
async function importWithLiveTerminal<T>(load: () => Promise<T>): Promise<T> {
  const saved = { CI: process.env['CI'], CONTINUOUS_INTEGRATION: process.env['CONTINUOUS_INTEGRATION'] }
  process.env['CI'] = 'false'
  process.env['CONTINUOUS_INTEGRATION'] = 'false'

  try {
    return await load()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
