// Bundles the command line and the library entry with esbuild, dependencies
// included, so that `npx kms-sandbox` installs nothing but this package. The
// bundle is split: `--help` and `--version` load neither ink nor the
// Encryption SDK, which sit behind dynamic imports in chunks of their own.
import { build } from 'esbuild'
import { rmSync, writeFileSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  // jsonc-parser's CommonJS entry is a UMD wrapper esbuild cannot follow; take its ES build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // Only ink's development tooling, loaded when DEV=true, stays out.
  external: ['react-devtools-core'],
  // Bundled CommonJS (the Encryption SDK) still calls require() for Node's own modules.
  banner: { js: "import { createRequire as __kmsCreateRequire } from 'node:module'; const require = __kmsCreateRequire(import.meta.url);" },
  define: { 'process.env.NODE_ENV': '"production"' },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
})

// The checked course, stored for a fast start (see src/content/course-cache.ts).
const { courseCacheFile, loadCourse, toCourseCache } = await import(new URL('../dist/index.js', import.meta.url).href)
writeFileSync(courseCacheFile, toCourseCache(process.cwd(), loadCourse(process.cwd())))
