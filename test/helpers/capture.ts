import { vi } from 'vitest'

/** Runs a command function and returns its exit code with what it wrote to stdout and stderr. */
export async function capture(run: () => number | Promise<number>) {
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)

    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk)

    return true
  })

  try {
    const code = await run()

    return { code, stdout, stderr }
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}
