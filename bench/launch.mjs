// Launch-to-first-frame of `kms-sandbox` in a real pseudo-terminal (util-linux
// `script` provides it), and the start-up time of `--version` and `--help`.
// Target: first frame under 300 ms.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const cli = new URL('../dist/cli.js', import.meta.url).pathname

export default async function benchLaunch() {
  if (spawnSync('script', ['--version']).status !== 0) {
    console.log('launch: skipped (no `script` command for a pseudo-terminal)')
    return
  }

  const frames = []
  const homes = []
  for (let i = 0; i < 7; i++) {
    frames.push(await firstFrame())
    homes.push(await firstFrame(undefined, /\d+\/[1-9]\d* done/))
  }

  const baseline = []
  for (let i = 0; i < 7; i++) baseline.push(await firstFrame(`${process.execPath} -e "process.stdout.write('x')"`))

  console.log(`launch to first frame: median ${median(frames).toFixed(0)} ms; to the full Home screen: ${median(homes).toFixed(0)} ms (bare node in the same pty: ${median(baseline).toFixed(0)} ms)`)
  console.log(`--version: ${timeRun(['--version']).toFixed(0)} ms, --help: ${timeRun(['--help']).toFixed(0)} ms (median of 5)`)
}

/** Milliseconds from spawning the command in a pty to its first output (or to output matching `until`). */
function firstFrame(command = `${process.execPath} ${cli}`, until = /./) {
  const home = mkdtempSync(join(tmpdir(), 'kms-sandbox-bench-'))

  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, KMS_SANDBOX_HOME: home, TERM: 'xterm-256color', COLUMNS: '80', LINES: '24' },
    })
    let seen = ''
    const onData = (chunk) => {
      seen += chunk
      if (!until.test(seen)) return

      const elapsed = performance.now() - start
      child.stdout.off('data', onData)
      child.kill('SIGKILL')
      resolve(elapsed)
    }
    child.stdout.on('data', onData)
    child.once('error', reject)
  })
}

function timeRun(args) {
  const times = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    spawnSync(process.execPath, [cli, ...args])
    times.push(performance.now() - start)
  }

  return median(times)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)

  return sorted[Math.floor(sorted.length / 2)]
}
