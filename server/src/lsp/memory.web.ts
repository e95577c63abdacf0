// The web worker build's stand-in for `memory.ts`: a worker cannot ask its engine for a full collection, so the
// engine's own collector decides; the server then holds more memory after a burst of work, never less correctly.
export function releaseMemory(): void {}

export function releaseIfGrown(_growthMB = 48): void {}
