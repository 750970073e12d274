import sharp from 'sharp';
import { SeededRandom } from './random';
import { DEGRADATIONS, degradePage, imagesToPdf } from './scan-variants';

const page = (): Promise<Buffer> =>
  sharp({ create: { width: 120, height: 170, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 60, height: 10, channels: 3, background: '#000000' } }, left: 20, top: 30 }])
    .png()
    .toBuffer();

describe('scanned variants', () => {
  const byName = (name: string) => DEGRADATIONS.find((degradation) => degradation.name === name)!;

  it('degrades the same page the same way for the same seed, and differently for another', async () => {
    const noisy = byName('noise-png-200');
    const first = await degradePage(await page(), noisy, new SeededRandom(7));
    const again = await degradePage(await page(), noisy, new SeededRandom(7));
    const other = await degradePage(await page(), noisy, new SeededRandom(8));
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(other.bytes.equals(first.bytes)).toBe(false);
  });

  it('turns a page by 90° and writes JPEG where asked', async () => {
    const turned = await degradePage(await page(), byName('rot90-jpeg-200'), new SeededRandom(1));
    expect([turned.width, turned.height]).toEqual([170, 120]);
    expect((await sharp(turned.bytes).metadata()).format).toBe('jpeg');
  });

  it('wraps scanned pages into an image-only PDF', async () => {
    const scanned = await degradePage(await page(), byName('scan-pdf-150'), new SeededRandom(1));
    const pdf = await imagesToPdf([scanned, scanned], 150);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });
});
