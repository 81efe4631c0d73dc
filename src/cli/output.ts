import { UsageError } from './errors';
import type { Terminal } from './io';
import { FORMATS } from './options';

export { FORMATS } from './options';
export type Format = (typeof FORMATS)[number];

/** One column of the table and CSV forms. */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
  /** Also shown in `--format table` (CSV has every column). Default: true. */
  readonly table?: boolean;
}

/** Writes rows in the chosen format. NDJSON and CSV stream; a table is drawn at the end. */
export interface RowWriter<T> {
  write(row: T): Promise<void>;
  /** Writes what is buffered (the table, or the CSV header when there were no rows). */
  end(): Promise<void>;
  readonly count: number;
}

export function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'ndjson';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format takes ${FORMATS.join(', ')}; got ${JSON.stringify(value)}`, 'ndjson for programs, table or csv for people');
}

/**
 * @param columns the table's columns (those not marked `table: false`), and CSV's unless `csvColumns` is given.
 * @param csvColumns CSV's columns, when they differ: a fixed header of every field.
 */
export function createRowWriter<T>(format: Format, terminal: Terminal, columns: readonly Column<T>[], csvColumns: readonly Column<T>[] = columns): RowWriter<T> {
  let count = 0;
  if (format === 'ndjson') {
    return {
      get count() {
        return count;
      },
      write: async (row) => {
        count += 1;
        await terminal.out(`${JSON.stringify(row)}\n`);
      },
      end: async () => {},
    };
  }
  if (format === 'csv') {
    let headerWritten = false;
    const header = () => {
      headerWritten = true;
      return `${csvColumns.map((column) => csvCell(column.header)).join(',')}\r\n`;
    };
    return {
      get count() {
        return count;
      },
      write: async (row) => {
        count += 1;
        await terminal.out(`${headerWritten ? '' : header()}${csvColumns.map((column) => csvCell(cellText(column.value(row)))).join(',')}\r\n`);
      },
      end: async () => {
        if (!headerWritten) await terminal.out(header());
      },
    };
  }
  const shown = columns.filter((column) => column.table !== false);
  const rows: string[][] = [];
  return {
    get count() {
      return count;
    },
    write: async (row) => {
      count += 1;
      rows.push(shown.map((column) => truncate(cellText(column.value(row)).replace(/\s+/g, ' '), 48)));
    },
    end: async () => {
      await terminal.out(renderTable(shown.map((column) => column.header), rows));
    },
  };
}

/** A plain-text table with aligned columns; numbers right-aligned. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, index) => Math.max(header.length, ...rows.map((row) => [...(row[index] ?? '')].length)));
  const numeric = headers.map((_, index) => rows.length > 0 && rows.every((row) => row[index] === '' || /^-?\d+(\.\d+)?$/.test(row[index] ?? '')));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => (numeric[index] ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]! - ([...cell].length - cell.length))))
      .join('  ')
      .trimEnd();
  const out = [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
  if (rows.length === 0) out.push('(none)');
  return `${out.join('\n')}\n`;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
