/**
 * Generates the synthetic invoice corpus (never committed):
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/extraction/generate/main.ts [--seed N] [--quick]
 * Needs poppler's pdftoppm for the scanned variants.
 */
import { DEFAULT_SEED, generateCorpus } from './generate-corpus';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seedIndex = args.indexOf('--seed');
  const seed = seedIndex >= 0 ? Number(args[seedIndex + 1]) : DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const started = Date.now();
  const { folder, manifest } = await generateCorpus({ seed, quick: args.includes('--quick') }, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${manifest.documents.length} documents in ${folder} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`corpus generation failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
