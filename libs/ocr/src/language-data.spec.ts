import { loadConfig } from '@conveyor/config';
import { INSTALLED_OCR_LANGUAGES } from './language-data';

describe('installed OCR languages', () => {
  it('are exactly the ones OCR_LANGUAGES accepts', () => {
    expect(loadConfig({ OCR_LANGUAGES: INSTALLED_OCR_LANGUAGES.join(',') }).OCR_LANGUAGES).toEqual([...INSTALLED_OCR_LANGUAGES]);
    expect(() => loadConfig({ OCR_LANGUAGES: 'eng,ces' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
