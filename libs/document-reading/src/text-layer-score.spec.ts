import type { BoundingBox } from '@conveyor/documents';
import type { LayoutWord } from './document-layout';
import { assessTextLayer } from './text-layer-score';

/** Lays text out as words on lines down the page (12 words a line), as a text layer would give them. */
function layer(text: string): LayoutWord[] {
  return text
    .split(/\s+/u)
    .filter(Boolean)
    .map((word, index) => ({ text: word, bbox: { x: 0.1 + (index % 12) * 0.07, y: 0.05 + Math.floor(index / 12) * 0.02, width: 0.06, height: 0.012 }, confidence: 1 }));
}

const assess = (text: string, images: BoundingBox[] = []) => assessTextLayer({ words: layer(text), images, invisibleTextShare: 0 });

describe('assessTextLayer', () => {
  it.each([
    ['English', 'Invoice number 42183017 dated 3 August 2014. Please pay the total amount of USD 4.11 to our account within thirty days.'],
    ['German', 'Rechnungsnummer 471102 vom 05.03.2018. Angstschweiß und Rechtsschutzversicherung: Gesamtbetrag 529,87 EUR, zahlbar ohne Abzug.'],
    ['French', "Facture n° F20220024 du 12/03/2022. Montant total TTC : 1 234,56 €. L'échéance est fixée à trente jours."],
    ['Polish', 'Faktura VAT nr 12/2024 z dnia 14.03.2024. Sprzedawca: Przedsiębiorstwo Handlowe, wszystkich należności brutto 1 230,00 zł.'],
    ['Dutch', 'Factuurnummer 993548900, factuurdatum 19 april 2014. Totaalbedrag inclusief BTW € 717,97 te betalen binnen veertien dagen.'],
  ])('accepts real %s text', (_, text) => {
    const assessment = assess(text);
    expect(assessment.score).toBeGreaterThanOrEqual(0.9);
    expect(assessment.needsOcr).toBe(false);
  });

  it.each([
    ['private-use glyphs', '\uE010\uE011\uE012 \uE020\uE021\uE022\uE023 '.repeat(20)],
    ['replacement characters', 'Inv\uFFFD\uFFFD\uFFFD \uFFFD\uFFFDte \uFFFD\uFFFD\uFFFD\uFFFD '.repeat(20)],
    ['(cid:NN) references', '(cid:3)(cid:17)(cid:42) (cid:5)(cid:6) '.repeat(20)],
    ['symbol soup', '~#% ^|= {}[]<> \\;@ *+& '.repeat(20)],
    ['case-flipping letter soup', 'xQzvTk bRtWqP mNbVcX zKqWpL hGfDsA '.repeat(8)],
    ['words of letters and symbols', 'k#l%q r^t|w b=n{c z}x[v h<j>g '.repeat(8)],
  ])('rejects %s', (_, text) => {
    const assessment = assess(text);
    expect(assessment.score).toBeLessThan(0.5);
    expect(assessment.needsOcr).toBe(true);
  });

  it('finds no layer on a page without words, and too little on a page with a page number only', () => {
    expect(assess('')).toMatchObject({ score: 0, needsOcr: true, reasons: ['no text layer'] });
    expect(assess('Page 2').needsOcr).toBe(true);
  });

  it('sends a page to OCR when a large image is painted and the text covers only a strip of it', () => {
    const wholePage = { x: 0, y: 0, width: 1, height: 1 };
    const footer = layer('Scanned at the mail room by ACME on 2024-03-15 and archived for the accounts department');
    const onlyFooter = assessTextLayer({ words: footer.map((word) => ({ ...word, bbox: { ...word.bbox, y: 0.95 } })), images: [wholePage], invisibleTextShare: 0 });
    expect(onlyFooter.score).toBeGreaterThan(0.9);
    expect(onlyFooter).toMatchObject({ needsOcr: true, imageShare: 1 });
    expect(onlyFooter.reasons).toEqual(['large image without text']);
    const logo = assess('Invoice number 42183017 dated 3 August 2014, total amount due USD 4.11', [{ x: 0.05, y: 0.02, width: 0.2, height: 0.08 }]);
    expect(logo.needsOcr).toBe(false);
    expect(logo.imageShare).toBeCloseTo(0.016, 3);
  });
});
