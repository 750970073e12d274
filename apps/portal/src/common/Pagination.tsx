interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
  onPage(page: number): void;
  /** What the list is, for the landmark's name ("Documents pages"). */
  label: string;
}

/** The page numbers shown: the first, the last, and two either side of the current one. */
export function visiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let candidate = 1; candidate <= pageCount; candidate++) {
    if (candidate === 1 || candidate === pageCount || Math.abs(candidate - page) <= 2) pages.push(candidate);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}

/**
 * Numbered pages as buttons (Tab reaches each; Enter or Space opens it); the current page is marked with
 * aria-current, and the arrow keys move to the previous and next page from anywhere in the bar.
 */
export function Pagination({ page, pageCount, onPage, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  const go = (target: number) => onPage(Math.min(Math.max(target, 1), pageCount));
  return (
    <nav
      aria-label={label}
      className="pager"
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' && page > 1) go(page - 1);
        else if (event.key === 'ArrowRight' && page < pageCount) go(page + 1);
        else return;
        event.preventDefault();
      }}
    >
      <button type="button" className="secondary outline" aria-label="Previous page" disabled={page <= 1} onClick={() => go(page - 1)}>
        ‹ Previous
      </button>
      <ul className="pager-pages">
        {visiblePages(page, pageCount).map((entry, index) =>
          entry === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={entry}>
              <button
                type="button"
                className={entry === page ? '' : 'secondary outline'}
                aria-current={entry === page ? 'page' : undefined}
                aria-label={`Page ${entry}`}
                onClick={() => go(entry)}
              >
                {entry}
              </button>
            </li>
          ),
        )}
      </ul>
      <button type="button" className="secondary outline" aria-label="Next page" disabled={page >= pageCount} onClick={() => go(page + 1)}>
        Next ›
      </button>
    </nav>
  );
}
