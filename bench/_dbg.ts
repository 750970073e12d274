import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { PdfWorkerPool } from '@conveyor/document-reading';
import { textItemsToWords } from '../libs/document-reading/src/text-items-to-words';
import { toReadingLines } from '../libs/document-reading/src/reading-order';
import { assessTextLayer } from '../libs/document-reading/src/text-layer-score';
(async () => {
  const pool = new PdfWorkerPool({ size: 1 });
  const files = execSync("ls /work/shared/corpus/invoices/invoice2data/files/*.pdf; find /work/shared/corpus/invoices/einvoice -name '*.pdf'").toString().trim().split('\n').map((f) => readFileSync(f));
  const raws = [];
  for (const f of files) raws.push(...(await pool.run(f, { kind: 'textLayout', withImages: false })).pages);
  const c0 = process.cpuUsage();
  let words = 0, items = 0;
  for (let r = 0; r < 10; r++) for (const raw of raws) {
    items += raw.items.length;
    const lines = toReadingLines(textItemsToWords(raw.items, raw.width, raw.height));
    const w = lines.flat(); words += w.length;
    assessTextLayer({ words: w, images: raw.images, invisibleTextShare: 0 });
  }
  const c = process.cpuUsage(c0);
  console.log('main-thread ms/page', ((c.user + c.system) / 1000 / (raws.length * 10)).toFixed(2), 'items/page', items / raws.length / 10, 'words/page', words / raws.length / 10);
  // worker side: sequential, cpu of whole process
  for (const withImages of [false, true]) {
    const c1 = process.cpuUsage(); let pages = 0;
    for (let r = 0; r < 3; r++) for (const f of files) pages += (await pool.run(f, { kind: 'textLayout', withImages })).pages.length;
    const d = process.cpuUsage(c1);
    console.log('withImages', withImages, 'process cpu ms/page', ((d.user + d.system) / 1000 / pages).toFixed(1));
  }
  await pool.close();
})();
