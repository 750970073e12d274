// GET /api/documents' search at volume: SqlDocumentRepository.list + count (what one page costs) over N documents
// with invoice fields, on PostgreSQL and PGlite, each query timed as the median of several runs. Run:
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/document-search.bench.ts [documents]
import type { DocumentListQuery } from "@conveyor/documents";
import { SqlDocumentRepository } from "@conveyor/persistence";
import { createTestDatabase, type TestDatabaseKind } from "@conveyor/testing";

const COUNT = Number(process.argv[2] ?? 50_000);
const RUNS = 7;

const QUERIES: [string, Partial<DocumentListQuery>][] = [
  ["newest first, page 1", {}],
  ["newest first, page 200 (offset)", { offset: 199 * 25 }],
  ["vendor substring", { vendor: "vendor 0042" }],
  ["invoice number substring", { invoiceNumber: "-00123" }],
  ["q (file, vendor, number)", { q: "vendor 0042" }],
  ["amount range", { amountMin: "1000.00", amountMax: "1010.00" }],
  [
    "issue date range (one week)",
    { issueDateFrom: "2026-03-01", issueDateTo: "2026-03-07" },
  ],
  ["amount, highest first", { sort: "-totalGross" }],
  [
    "vendor + status + date",
    {
      vendor: "vendor 01",
      status: ["stored"],
      issueDateFrom: "2026-01-01",
      issueDateTo: "2026-06-30",
    },
  ],
];

async function seed(
  run: (sql: string, params?: unknown[]) => Promise<unknown>,
): Promise<void> {
  // 90 % with invoice fields, 1,000 vendors, amounts 0.01 to 10,000.00, issue dates over two years.
  await run(
    `INSERT INTO documents (id, sha256, file_name, media_type, size_bytes, pages, status, storage_key, uploaded_by, uploaded_at)
    SELECT md5('d' || n)::uuid, md5('s' || n) || md5('t' || n), 'scan-' || n || '.pdf', 'application/pdf', 1000, 1, 'stored',
           'k/' || n, 'user:' || (n % 20), timestamptz '2026-01-01' + n * interval '1 minute'
      FROM generate_series(1, $1) AS n`,
    [COUNT],
  );
  await run(
    `INSERT INTO document_invoice_fields (document_id, vendor_name, invoice_number, issue_date, total_gross, currency, confirmed_at, updated_at)
    SELECT md5('d' || n)::uuid, 'Vendor ' || lpad((n % 1000)::text, 4, '0') || ' GmbH', 'RE-' || lpad(n::text, 7, '0'),
           date '2025-01-01' + (n % 730), ((n * 7919) % 1000000) / 100.0, 'EUR', NULL, now()
      FROM generate_series(1, $1) AS n WHERE n % 10 <> 0`,
    [COUNT],
  );
  await run("ANALYZE");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const RANGE_QUERIES = new Set([
  "amount range",
  "issue date range (one week)",
  "vendor + status + date",
]);

async function measure(
  kind: TestDatabaseKind,
): Promise<{ times: Map<string, number>; unindexed: Map<string, number> }> {
  const test = await createTestDatabase(kind);
  const times = new Map<string, number>();
  const unindexed = new Map<string, number>();
  try {
    const dataSource = test.database.dataSource;
    const started = Date.now();
    await seed((sql, params) => dataSource.query(sql, params));
    console.log(
      `${kind}: ${COUNT} documents seeded in ${Date.now() - started} ms`,
    );
    const repository = new SqlDocumentRepository(dataSource);
    await timeQueries(kind, repository, QUERIES, times);
    // The same range queries without the migration's two range indexes: what they are worth.
    await dataSource.query("DROP INDEX ix_document_invoice_fields_issue_date");
    await dataSource.query("DROP INDEX ix_document_invoice_fields_total_gross");
    await timeQueries(
      `${kind} -idx`,
      repository,
      QUERIES.filter(([name]) => RANGE_QUERIES.has(name)),
      unindexed,
    );
  } finally {
    await test.drop();
  }
  return { times, unindexed };
}

async function timeQueries(
  label: string,
  repository: SqlDocumentRepository,
  queries: typeof QUERIES,
  times: Map<string, number>,
): Promise<void> {
  for (const [name, filter] of queries) {
    const query: DocumentListQuery = {
      sort: "-uploadedAt",
      limit: 25,
      ...filter,
    };
    const samples: number[] = [];
    let total = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = process.hrtime.bigint();
      [, total] = await Promise.all([
        repository.list(query),
        repository.count(query),
      ]);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.set(name, median(samples));
    console.log(
      `${label.padEnd(13)} ${name.padEnd(34)} ${median(samples).toFixed(1).padStart(8)} ms  (${total} match)`,
    );
  }
}

async function main(): Promise<void> {
  const postgres = await measure("postgres");
  const embedded = await measure("embedded");
  console.log(
    "\nquery                               postgres ms  pglite ms  pglite/postgres  postgres without range indexes",
  );
  for (const [name] of QUERIES) {
    const a = postgres.times.get(name)!;
    const b = embedded.times.get(name)!;
    const slower = postgres.unindexed.get(name);
    const unindexed =
      slower === undefined
        ? ""
        : `${slower.toFixed(1).padStart(9)} ms (${(slower / a).toFixed(1)}x)`;
    console.log(
      `${name.padEnd(34)} ${a.toFixed(1).padStart(11)} ${b.toFixed(1).padStart(10)} ${(b / a).toFixed(1).padStart(12)}x  ${unindexed}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
