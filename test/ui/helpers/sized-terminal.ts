import { EventEmitter } from 'node:events'

/** A stdout with a size that a test can change, as a terminal window does. */
export class SizedStdout extends EventEmitter {
  frames: string[] = []

  constructor(
    public columns: number,
    public rows: number,
  ) {
    super()
  }

  write = (frame: string) => {
    this.frames.push(frame)

    return true
  }

  resize(columns: number, rows: number): void {
    this.columns = columns
    this.rows = rows
    this.emit('resize')
  }

  /** The last frame without colour codes, as lines. */
  lines(): readonly string[] {
    return (this.frames.at(-1) ?? '').replace(/\u001B\[[0-9;]*m/g, '').split('\n')
  }
}

/** A stdin that ink can put in raw mode and read keys from. */
export class KeyStdin extends EventEmitter {
  isTTY = true
  #data: string | null = null

  write(data: string): void {
    this.#data = data
    this.emit('readable')
  }

  read = () => {
    const data = this.#data
    this.#data = null

    return data
  }

  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  resume(): void {}
  pause(): void {}
}
