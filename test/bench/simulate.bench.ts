// Benchmark of the redirect decision: placements per second for a 10-member group.
// Run: node --import tsx test/bench/simulate.bench.ts [--quick]  (--quick: fewer runs)
import {
  chooseTarget,
  createRedirectState,
  newChoice,
  placeSession,
  simulate,
  validateScenario,
  type Scenario,
} from '../../server/src/core/sim/index';

const MEMBERS = 10;
const RUNS = process.argv.includes('--quick') ? 3 : 9;
const HOT_PLACEMENTS = 2_000_000;
const RECORDED_CONNECTIONS = 100_000;

/** Ten units with uneven limits and starting loads, so that every rule of the redirect decision fires along the way. */
function groupScenario(connections: number): Scenario {
  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    name: `asa${i + 1}`,
    publicIp: `198.51.100.${((i * 23) % 250) + 1}`,
    priority: (i % 10) + 1,
    ssl: { active: i * 500, limit: 1_000_000 + i * 250_000, inactive: i },
  }));
  const result = validateScenario({ type: 'ssl', connections, members });
  if (!result.ok) throw new Error(result.error.text);
  return result.scenario;
}

/** The engine's inner loop alone: decide and place, no records. Returns placements per second. */
function hotPath(scenario: Scenario): number {
  const state = createRedirectState(scenario.members, scenario.type, 'asa10');
  const choice = newChoice();
  let placed = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < HOT_PLACEMENTS; i++) {
    chooseTarget(state, choice);
    if (choice.target >= 0) {
      placeSession(state, choice.target);
      placed++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (placed !== HOT_PLACEMENTS) throw new Error(`expected every session placed, placed ${placed}`);
  return HOT_PLACEMENTS / seconds;
}

/** The whole `simulate` run, including the per-decision records the CLI and the preview read. */
function recorded(scenario: Scenario): number {
  const start = process.hrtime.bigint();
  const result = simulate(scenario);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return result.decisions.length / seconds;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const spread = ((sorted.at(-1)! - sorted[0]!) / median) * 100;
  const m = (n: number): string => `${(n / 1e6).toFixed(2)} M/s`;
  return `${label}: median ${m(median)} (min ${m(sorted[0]!)}, max ${m(sorted.at(-1)!)}, spread ${spread.toFixed(1)} %, ${samples.length} runs)`;
}

function main(): void {
  const hotScenario = groupScenario(0);
  const recordedScenario = groupScenario(RECORDED_CONNECTIONS);
  // Warm-up runs let the JIT compile the loops before anything is measured.
  hotPath(hotScenario);
  hotPath(hotScenario);
  recorded(recordedScenario);
  const hot: number[] = [];
  const full: number[] = [];
  // The two kinds of run are not interleaved: the recorded runs leave garbage whose collection would land in the hot runs.
  for (let run = 0; run < RUNS; run++) hot.push(hotPath(hotScenario));
  for (let run = 0; run < RUNS; run++) full.push(recorded(recordedScenario));
  console.log(`Redirect simulation, ${MEMBERS}-member group, node ${process.version}`);
  console.log(summary(`placements/s, engine hot path (${HOT_PLACEMENTS.toLocaleString('en')} per run)`, hot));
  console.log(
    summary(`decisions/s, full simulate() with records (${RECORDED_CONNECTIONS.toLocaleString('en')} per run)`, full),
  );
}

main();
