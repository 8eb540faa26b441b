import { spawnSync } from 'node:child_process'
import type { PolicyEditor } from './controller/command-context'

/**
 * Opens files in `$EDITOR` (else `vi`) on the real terminal. The caller has
 * already blanked ink's frame; this waits for that frame to reach the screen,
 * hands the terminal over in cooked mode, and takes it back afterwards.
 */
export function terminalEditor(env: NodeJS.ProcessEnv = process.env): PolicyEditor {
  return {
    async edit(file) {
      await new Promise((resolve) => setTimeout(resolve, 60))

      const editor = env['EDITOR']?.trim() || 'vi'
      const { stdin } = process
      const wasRaw = stdin.isTTY && stdin.isRaw
      if (stdin.isTTY) stdin.setRawMode(false)

      const result = spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit' })
      if (stdin.isTTY) stdin.setRawMode(wasRaw)

      if (result.error)
        return { ok: false, message: `Failed to start ${editor}: ${result.error.message}.` }
      if (result.status !== 0) {
        return {
          ok: false,
          message: `${editor} exited with status ${result.status}; nothing was sent.`,
        }
      }

      return { ok: true }
    },
  }
}
