import { scoreCamtGenkgo, scoreCamtViafintech } from './conformance/camt-sets.fixture';
import type { ConformanceScore } from './conformance/conformance-score';
import { scoreCsv } from './conformance/csv-set.fixture';
import { scoreMt940, scoreOfx } from './conformance/mt940-ofx-sets.fixture';

/** Fields the corpus README expects at 100 %; text fields at ≥ 99 % (we hold them to 100 % where the truth gives them). */
const EXACT_FIELDS = ['amount', 'sign', 'currency', 'value date'];

function expectConformant(set: string, score: ConformanceScore): void {
  // The summary is the conformance report of this set (shown in the test output).
  process.stdout.write(`${score.summary(set)}\n`);
  expect(score.crashes).toBe(0);
  expect(score.documents).toBeGreaterThan(0);
  for (const field of EXACT_FIELDS) expect(score.fields.get(field)?.total).toBeGreaterThan(0);
  const disagreements = Object.fromEntries([...score.fields].filter(([, { misses }]) => misses.length > 0).map(([field, { misses }]) => [field, misses]));
  expect(disagreements).toEqual({});
}

describe('bank statement corpus conformance (/work/shared/corpus/bank)', () => {
  it('camt-genkgo: camt.052/053/054 .001.01 to .001.08, the invalid message refused', () => {
    const score = scoreCamtGenkgo();
    expectConformant('camt-genkgo', score);
    expect(score.fields.get('negative rejected')).toMatchObject({ agree: 1, total: 1 });
  });

  it('camt-viafintech: German/Swiss style camt, balance breaks flagged on exactly the two hand-edited files', () => {
    const score = scoreCamtViafintech();
    expectConformant('camt-viafintech', score);
    expect(score.fields.get('balance break flagged exactly')?.total).toBe(6);
  });

  it('mt940-wolph: MT940/MT942 of several banks, broken files flagged with a reason', () => {
    const score = scoreMt940();
    expectConformant('mt940-wolph', score);
    expect(score.fields.get('amount')?.total).toBe(52);
    expect(score.fields.get('negative flagged')).toMatchObject({ agree: 2, total: 2 });
  });

  it('ofx-ofxparse: OFX 1.x SGML and 2.x XML; error responses and undated lines reported, not imported', () => {
    const score = scoreOfx();
    expectConformant('ofx-ofxparse', score);
    expect(score.fields.get('negative flagged')).toMatchObject({ agree: 3, total: 3 });
  });

  it('csv-reckon: 12 exports with saved mappings reproduce all 51 rows', () => {
    const score = scoreCsv();
    expectConformant('csv-reckon (saved mappings)', score);
    expect(score.fields.get('amount')?.total).toBe(51);
  });

  it('csv-reckon: the detected mappings read the same rows', () => {
    const score = scoreCsv(true);
    process.stdout.write(`${score.summary('csv-reckon (detected mappings)')}\n`);
    expect(score.crashes).toBe(0);
    for (const field of ['amount', 'sign', 'value date']) expect(score.fields.get(field)?.misses).toEqual([]);
  });
});
