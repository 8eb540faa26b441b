import { buildIfStale } from './build'

// Build dist/ once, before any test file runs, so end-to-end files never race to rebuild it.
export default function setup(): void {
  buildIfStale()
}
