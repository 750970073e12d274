/** Child-process entry of the offline test: recognises the heading crop and prints the words as JSON. */
import { faturaCrop, HEADING_BLOCK } from './ocr-corpus.fixture';
import { createOcrEngine } from './tesseract-ocr-engine';

async function main(): Promise<void> {
  const engine = createOcrEngine({ languages: ['eng', 'deu'], defaultLanguages: ['eng', 'deu'], workers: 1 });
  try {
    const page = await engine.recognize(await faturaCrop(HEADING_BLOCK));
    process.stdout.write(JSON.stringify(page.words.map((word) => word.text)));
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
