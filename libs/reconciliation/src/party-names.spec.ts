import { distinctiveNameTokens, nameSimilarity, vendorKey } from './party-names';

describe('party names', () => {
  it('drops legal forms and common words, transliterates and folds case', () => {
    expect(distinctiveNameTokens('Müller Maschinenbau GmbH & Co. KG')).toEqual(['mueller', 'maschinenbau']);
    expect(distinctiveNameTokens('MUELLER MASCHINENBAU')).toEqual(['mueller', 'maschinenbau']);
    expect(distinctiveNameTokens('Tan Brothers Sdn. Bhd.')).toEqual(['tan', 'brothers']);
    expect(distinctiveNameTokens('Lefèvre S.A.')).toEqual(['lefevre']);
  });

  it.each(['Global Services GmbH', 'International Trading Ltd', 'Holding AG', 'Solutions B.V.', 'Sdn Bhd', 'The Group Inc.'])(
    'a name of common words only (%s) has no key and matches nothing',
    (name) => {
      expect(vendorKey(name)).toBeNull();
      expect(nameSimilarity(distinctiveNameTokens(name), distinctiveNameTokens('Global Services GmbH'))).toBe(0);
    },
  );

  it('two vendors sharing only legal form and common words are not alike', () => {
    expect(nameSimilarity(distinctiveNameTokens('Apex Services GmbH'), distinctiveNameTokens('Nova Services GmbH'))).toBe(0);
  });

  it('treats a bank-cut name and a one-letter typo as the same name', () => {
    const vendor = distinctiveNameTokens('Nordwind Maschinenbau GmbH');
    expect(nameSimilarity(distinctiveNameTokens('NORDWIND MASCHINENB'), vendor)).toBe(1);
    expect(nameSimilarity(distinctiveNameTokens('Nordwnd Maschinenbau'), vendor)).toBe(1);
    expect(nameSimilarity(distinctiveNameTokens('Nordwind Logistik'), vendor)).toBeLessThan(0.6);
  });
});
