/**
 * The Documents screen's search as it lives in the address bar (so a link reproduces it) and as the API
 * takes it. Upload dates are the person's calendar days: sent as the instants their local day starts and ends.
 */

/** Filters kept in the URL, by their URL names (the API's names, plus `page`). */
export const SEARCH_KEYS = [
  'q', 'vendor', 'invoiceNumber', 'status', 'amountMin', 'amountMax', 'issueDateFrom', 'issueDateTo', 'uploadedFrom', 'uploadedTo', 'sort',
] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];
export type DocumentSearchState = Partial<Record<SearchKey, string>> & { page: number };

export const PAGE_SIZE = 25;

export const SORT_OPTIONS: { value: string; label: string }[] = [
  { value: '-uploadedAt', label: 'Newest uploads first' },
  { value: 'uploadedAt', label: 'Oldest uploads first' },
  { value: '-issueDate', label: 'Issue date, latest first' },
  { value: 'issueDate', label: 'Issue date, earliest first' },
  { value: '-totalGross', label: 'Amount, highest first' },
  { value: 'totalGross', label: 'Amount, lowest first' },
  { value: 'vendor', label: 'Vendor A–Z' },
  { value: '-vendor', label: 'Vendor Z–A' },
];

export function readSearch(params: URLSearchParams): DocumentSearchState {
  const state: DocumentSearchState = { page: Math.max(1, Math.floor(Number(params.get('page'))) || 1) };
  for (const key of SEARCH_KEYS) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

export function writeSearch(state: DocumentSearchState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/**
 * An amount as the API takes it (exact decimal with a dot), or undefined when it is not one. A comma is taken
 * as the decimal separator ("12,50"), as people type it; grouping is not guessed at.
 */
export function normaliseAmount(text: string): string | undefined {
  const candidate = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  return /^-?(0|[1-9]\d{0,17})(\.\d{1,6})?$/.test(candidate) ? candidate : undefined;
}

function localDayStart(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** The GET /api/documents query string of a search (page size PAGE_SIZE). */
export function apiQuery(state: DocumentSearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'vendor', 'invoiceNumber', 'status', 'issueDateFrom', 'issueDateTo', 'sort'] as const) {
    const value = state[key]?.trim();
    if (value) params.set(key, value);
  }
  for (const key of ['amountMin', 'amountMax'] as const) {
    const amount = state[key] ? normaliseAmount(state[key]) : undefined;
    if (amount) params.set(key, amount);
  }
  const from = state.uploadedFrom && localDayStart(state.uploadedFrom);
  const to = state.uploadedTo && localDayStart(state.uploadedTo, 1);
  if (from) params.set('uploadedFrom', from);
  if (to) params.set('uploadedTo', to);
  params.set('limit', String(PAGE_SIZE));
  if (state.page > 1) params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return `?${params.toString()}`;
}
