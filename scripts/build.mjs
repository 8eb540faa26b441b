// Bundles the command line and the library entry with esbuild. The command
// line is split so that `--help` and `--version` load neither ink nor the
// Encryption SDK: those sit behind dynamic imports and land in their own chunks.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  banner: { js: '' },
  logLevel: 'warning',
})
