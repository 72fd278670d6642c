// The DuckDB baseline of the police.uk import benchmark (docs/PERFORMANCE.md, bench/Sightline.Bench/ImportBenchmark.cs).
// Reads the same street-level CSVs and groups them the same way as Sightline's importer
// (PerformanceImports.ImportPoliceUkAsync), into two tables of a DuckDB database file:
//   area_counts: area (the LSOA name without its last word; "No location" when blank), month (yyyymm), crime type;
//   lsoa_counts: LSOA code, LSOA name, area, month, crime type (rows with a location only).
// Rows the importer rejects (month not YYYY-MM, no crime type) are left out the same way.
// Usage: node police-uk.mjs DATABASE_FILE CSV...   Prints one JSON object: timing and the totals to compare.
import { DuckDBInstance } from '@duckdb/node-api';

const [database, ...files] = process.argv.slice(2);
if (!database || files.length === 0) {
  console.error('Usage: node police-uk.mjs DATABASE_FILE CSV...');
  process.exit(64);
}
const list = '[' + files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ') + ']';

const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage(); // this process's CPU time, all of DuckDB's threads included
const instance = await DuckDBInstance.create(database);
const connection = await instance.connect();
// Every column as text, as the importer reads them; then the importer's checks and grouping rules. The columns are
// given (police.uk's standard 12-column header, as every file in shared/data has): letting DuckDB sniff each file's
// dialect and types instead makes it about ten times slower on these 48 files, which would flatter Sightline.
const columns = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name',
  'Crime type', 'Last outcome category', 'Context'].map((c) => `'${c}': 'VARCHAR'`).join(', ');
await connection.run(`
  CREATE TEMP VIEW street AS
  SELECT trim("Month") AS month_text, trim("LSOA code") AS lsoa_code, trim("LSOA name") AS lsoa_name, trim("Crime type") AS crime_type
  FROM read_csv(${list}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`);
// Read once (a temporary table, in memory), grouped twice.
await connection.run(`
  CREATE TEMP TABLE accepted AS
  SELECT CAST(replace(month_text, '-', '') AS INTEGER) AS month, lsoa_code, lsoa_name, crime_type,
         CASE WHEN lsoa_name IS NULL OR lsoa_name = '' THEN 'No location'
              WHEN strpos(lsoa_name, ' ') > 1 THEN rtrim(regexp_extract(lsoa_name, '^(.*) [^ ]*$', 1))
              ELSE lsoa_name END AS area
  FROM street
  WHERE regexp_full_match(month_text, '[0-9]{4}-(0[1-9]|1[0-2])')
    AND CAST(substr(month_text, 1, 4) AS INTEGER) BETWEEN 1900 AND 2200
    AND crime_type IS NOT NULL AND crime_type <> ''`);
await connection.run(`
  CREATE TABLE area_counts AS
  SELECT area, month, crime_type, count(*)::INTEGER AS count FROM accepted GROUP BY area, month, crime_type`);
await connection.run(`
  CREATE TABLE lsoa_counts AS
  SELECT lsoa_code, lsoa_name, area, month, crime_type, count(*)::INTEGER AS count
  FROM accepted WHERE area <> 'No location' GROUP BY lsoa_code, lsoa_name, area, month, crime_type`);
await connection.run('CHECKPOINT');
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

// Outside the timing: what the benchmark compares with Sightline's tables.
const one = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS()[0];
const read = await one('SELECT count(*)::BIGINT AS n FROM street');
const lsoa = await one('SELECT count(*)::BIGINT AS groups, sum(count)::BIGINT AS total, sum(count::BIGINT * count)::BIGINT AS squares FROM lsoa_counts');
const areaRows = (await connection.runAndReadAll('SELECT upper(area) AS area, month, crime_type, count FROM area_counts ORDER BY ALL')).getRowsJS();
const version = await one('SELECT version() AS v');
connection.closeSync();
instance.closeSync();

console.log(JSON.stringify({
  duckdb: version.v,
  seconds,
  cpuSeconds,
  rowsRead: Number(read.n),
  areaCounts: areaRows.map(([area, month, type, count]) => [area, Number(month), type, Number(count)]),
  lsoaGroups: Number(lsoa.groups),
  lsoaTotal: Number(lsoa.total ?? 0),
  lsoaSquares: Number(lsoa.squares ?? 0),
}));
