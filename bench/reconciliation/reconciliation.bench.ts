/**
 * Payment matching quality and speed. Per noise profile: a seeded ledger (open items) and bank statements are
 * generated, written in a real format (camt.053, MT940 or CSV), read back by parseStatementFile, and matched
 * by reconcilePayments (all statements at once; month by month with settled items leaving the open list; the
 * same with learning from the accountant's confirmations and rejections, see learning-replay.ts) and by two
 * re-implemented baselines. Printed per profile: auto coverage and precision
 * at the default thresholds, auto coverage at an auto precision of at least 99.5 % (score cut-off swept with
 * the truth, the same way for every method), correct matches among auto and suggested, split-payment recall,
 * exception precision and recall; then 10,000 lines against 20,000 open items timed in memory.
 *   npm run bench:reconcile            (BENCH_LINES / BENCH_ITEMS / BENCH_SEED to change the size or seed)
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseStatementFile, type StatementTransaction } from '@conveyor/bank-statements';
import { reconcilePayments, type ReconciliationResult } from '@conveyor/reconciliation';
import { additiveScoreBaseline, exactAmountBaseline, type BenchLine, type BenchOutcome } from './baselines';
import { measure, type Figures, type Truth } from './bench-metrics';
import { replayMonthly } from './learning-replay';
import { NOISE_PROFILES } from './noise-profiles';
import { generateScenario, type GeneratedLine, type Scenario } from './scenario-generator';
import { writeStatements } from './statement-writers';

const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const SEED = Number(process.env.BENCH_SEED ?? 20_260_301);

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(6);

function toOutcome(result: ReconciliationResult): BenchOutcome {
  return {
    matches: result.matches.map((match) => ({ transactionId: match.transactionId, openItemIds: match.allocations.map((allocation) => allocation.openItemId), decision: match.decision, score: match.score })),
    exceptions: result.exceptions.map((exception) => ({ code: exception.code, transactionId: exception.transactionId })),
  };
}

function row(profile: string, method: string, figures: Figures, milliseconds: number): string {
  return [
    profile.padEnd(8),
    method.padEnd(18),
    percent(figures.autoCoverage),
    percent(figures.autoPrecision),
    percent(figures.coverageAt995),
    percent(figures.anyCoverage),
    percent(figures.splitRecall),
    percent(figures.exceptionPrecision),
    percent(figures.exceptionRecall),
    String(figures.ambiguous).padStart(6),
    `${milliseconds.toFixed(0)} ms`.padStart(9),
  ].join(' | ');
}

function truthByBankReference(scenario: Scenario): Map<string, GeneratedLine> {
  const byReference = new Map<string, GeneratedLine>();
  for (const statement of scenario.statements) for (const line of statement.lines) byReference.set(line.bankReference, line);
  return byReference;
}

function main(): void {
  console.log(`reconciliation bench: ${LINES} bank lines, ${ITEMS} open items per profile, seed ${SEED}, node ${process.version}`);
  console.log('profile  | method             | auto cov | auto prec | cov@99.5 | auto+sugg ok | split rec | exc prec | exc rec | ambig. | time');
  const gaps: string[] = [];
  NOISE_PROFILES.forEach((profile, profileIndex) => {
    const scenario = generateScenario(profile, { lines: LINES, openItems: ITEMS }, SEED + profileIndex);
    const written = writeStatements(scenario, profile.format);
    const parseStart = performance.now();
    const parsed = parseStatementFile(written.bytes, { fileName: written.fileName, csvMapping: written.csvMapping });
    const parseMs = performance.now() - parseStart;
    const generated = truthByBankReference(scenario);
    const truth: Truth = new Map();
    const lines: BenchLine[] = [];
    parsed.statements.forEach((statement, statementIndex) =>
      statement.transactions.forEach((transaction: StatementTransaction, transactionIndex) => {
        const transactionId = `${statementIndex}:${transactionIndex}`;
        const source = generated.get(transaction.bankReference ?? '');
        if (source === undefined) throw new Error(`${profile.name}: line ${transactionId} (${transaction.bankReference}) not found in the generated statements`);
        truth.set(transactionId, source.truth);
        lines.push({ transactionId, transaction });
      }),
    );
    if (lines.length !== generated.size) throw new Error(`${profile.name}: ${generated.size} lines written, ${lines.length} read back`);
    const balanceBreaks = scenario.statements.filter((statement) => statement.closingOffsetMinor !== 0).length;
    // Days without lines between monthly statements are reported as information: not worth a line here.
    const parseIssues = parsed.issues.filter((issue) => issue.code !== 'STATEMENT_BALANCE_BREAK' && issue.severity !== 'info').map((issue) => issue.code);

    let start = performance.now();
    const benchOptions = { knownReferences: scenario.knownReferences, fxRates: scenario.fxRates };
    const ours = reconcilePayments({ openItems: scenario.openItems, statements: parsed.statements, issues: parsed.issues, options: benchOptions });
    const oursMs = performance.now() - start;
    start = performance.now();
    const exact = exactAmountBaseline(lines, scenario.openItems);
    const exactMs = performance.now() - start;
    start = performance.now();
    const additive = additiveScoreBaseline(lines, scenario.openItems);
    const additiveMs = performance.now() - start;

    start = performance.now();
    const monthly = replayMonthly(scenario.openItems, parsed.statements, truth, benchOptions, false);
    const monthlyMs = performance.now() - start;
    start = performance.now();
    const learning = replayMonthly(scenario.openItems, parsed.statements, truth, benchOptions, true);
    const learningMs = performance.now() - start;
    const oursFigures = measure(toOutcome(ours), truth, balanceBreaks);
    const exactFigures = measure(exact, truth, balanceBreaks);
    const additiveFigures = measure(additive, truth, balanceBreaks);
    console.log(row(profile.name, 'conveyor', oursFigures, oursMs));
    console.log(row(profile.name, 'monthly', measure(monthly.outcome, truth, balanceBreaks), monthlyMs));
    const learnedRules = learning.learned.rules;
    console.log(row(profile.name, 'monthly+learning', measure(learning.outcome, truth, balanceBreaks), learningMs));
    console.log(row(profile.name, 'exact amount ±7d', exactFigures, exactMs));
    console.log(row(profile.name, 'additive score', additiveFigures, additiveMs));
    const bestBaseline = Math.max(exactFigures.coverageAt995, additiveFigures.coverageAt995);
    gaps.push(
      `${profile.name} (${profile.format}, ${lines.length} lines read back in ${parseMs.toFixed(0)} ms${parseIssues.length ? `, parse issues: ${[...new Set(parseIssues)].join(',')}` : ''}): ` +
        `cov@99.5 conveyor ${percent(oursFigures.coverageAt995).trim()} vs best baseline ${percent(bestBaseline).trim()} = ` +
        `${((oursFigures.coverageAt995 - bestBaseline) * 100).toFixed(1)} points (target ≥ 15); ` +
        `learned rules after the last month: ${learnedRules.length} (${learnedRules.filter((rule) => rule.status === 'auto').length} promoted to auto)`,
    );
  });
  console.log('');
  for (const gap of gaps) console.log(gap);
  timeInMemory();
}

/** 10,000 lines against 20,000 open items, in memory (no parsing), the typical profile; median of 3 runs. */
function timeInMemory(): void {
  const profile = NOISE_PROFILES.find((candidate) => candidate.name === 'typical')!;
  const scenario = generateScenario(profile, { lines: 10_000, openItems: 20_000 }, SEED + 99);
  const statements = scenario.statements.map((statement) => ({
    transactions: statement.lines.map((line) => ({
      bookingDate: line.bookingDate,
      valueDate: line.valueDate,
      amount: (line.amountMinor / 100).toFixed(2),
      currency: 'EUR',
      counterpartyName: line.counterpartyName,
      counterpartyIban: line.counterpartyIban,
      reference: line.reference,
      endToEndId: line.endToEndId,
      bankReference: line.bankReference,
      description: line.description,
    })),
  }));
  const lineCount = statements.reduce((sum, statement) => sum + statement.transactions.length, 0);
  const timings: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < 3; run += 1) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    reconcilePayments({ openItems: scenario.openItems, statements, options: { knownReferences: scenario.knownReferences, fxRates: scenario.fxRates } });
    const cpu = process.cpuUsage(cpuBefore);
    timings.push({ wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 });
  }
  timings.sort((a, b) => a.wall - b.wall);
  const memory = process.memoryUsage();
  // On a shared machine the wall time mostly measures the other processes; CPU time is what the run costs.
  console.log(
    `\nin memory: ${lineCount} lines × ${scenario.openItems.length} open items, median of 3 runs: wall ${timings[1].wall.toFixed(0)} ms, ` +
      `CPU ${timings[1].cpu.toFixed(0)} ms (runs: ${timings.map((timing) => `${timing.wall.toFixed(0)}/${timing.cpu.toFixed(0)}`).join(', ')} ms wall/CPU; target ≤ 5000 ms); ` +
      `heap ${(memory.heapUsed / 1048576).toFixed(0)} MB, rss ${(memory.rss / 1048576).toFixed(0)} MB; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  );
}

main();
