import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

// Every folder made for a policy draft and not yet removed, so none outlives the app.
const folders = new Set<string>()

/** A new file in a folder of its own under the system's temporary folder. */
export function createDraftFile(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'kms-sandbox-'))
  folders.add(folder)

  return join(folder, name)
}

/** Removes a draft file's folder; nothing when it is gone already. */
export function removeDraftFile(file: string): void {
  const folder = dirname(file)
  rmSync(folder, { recursive: true, force: true })
  folders.delete(folder)
}

/** Removes every draft folder still on disk: the app is leaving. */
export function removeAllDraftFiles(): void {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  folders.clear()
}
