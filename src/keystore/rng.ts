// A small seeded generator for everything the learner sees: key IDs, grant IDs,
// grant tokens, IAM unique IDs. Its state lives in the sandbox state, so
// replaying calls from any point in history mints the same identifiers.
// Key material and IVs do not come from here: they stay truly random.

/** The four 32-bit words of an sfc32 generator. */
export type RngState = readonly [number, number, number, number]

/** Seeds the generator from a number or a string; equal seeds give equal sequences. */
export function seedRng(seed: number | string): RngState {
  let h = typeof seed === 'number' ? seed >>> 0 : hashString(seed)
  const words: number[] = []

  // splitmix32 spreads one seed word over the four state words.
  for (let i = 0; i < 4; i++) {
    h = (h + 0x9e3779b9) >>> 0
    let z = h
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    words.push((z ^ (z >>> 16)) >>> 0)
  }

  let state = words as unknown as RngState
  for (let i = 0; i < 12; i++) state = nextWord(state)[1]

  return state
}

/** The next 32-bit word and the state after it. Pure. */
export function nextWord(state: RngState): readonly [number, RngState] {
  let [a, b, c, d] = state
  const t = (((a + b) | 0) + d) | 0
  d = (d + 1) | 0
  a = b ^ (b >>> 9)
  b = (c + (c << 3)) | 0
  c = (c << 21) | (c >>> 11)
  c = (c + t) | 0

  return [t >>> 0, [a, b, c, d]]
}

/** `count` random bytes and the state after them. Pure. */
export function nextBytes(state: RngState, count: number): readonly [Uint8Array, RngState] {
  const bytes = new Uint8Array(count)
  let current = state

  for (let i = 0; i < count; i += 4) {
    const [word, next] = nextWord(current)
    current = next
    for (let j = 0; j < 4 && i + j < count; j++) bytes[i + j] = (word >>> (8 * j)) & 0xff
  }

  return [bytes, current]
}

function hashString(text: string): number {
  // FNV-1a: enough to turn a readable seed such as 'lesson-3' into a number.
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)

  return hash >>> 0
}
