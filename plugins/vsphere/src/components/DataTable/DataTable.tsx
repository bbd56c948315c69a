import { ReactElement, ReactNode } from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  Cell,
  ColumnConfig,
  Flex,
  SearchField,
  SortDescriptor,
  Table,
  TableItem,
  Text,
  useTable,
} from '@backstage/ui';

/** One column: its cell, and the value it sorts and searches by when it has one. */
export interface DataColumn<T> {
  id: string;
  label: string;
  cell: (row: T) => ReactElement;
  value?: (row: T) => string | number | undefined;
  /** A share of the row ('2fr') or pixels; columns without one share what is left. */
  width?: ColumnConfig<TableItem>['defaultWidth'];
  minWidth?: ColumnConfig<TableItem>['minWidth'];
}

/**
 * A cell of text that wraps rather than being cut (VM and host names are long), with a dash
 * where the value is missing and an optional second line.
 */
export const textCell = (
  value: string | number | undefined,
  empty = '—',
  description?: string,
) => (
  <Cell>
    {/* the cell lays its children out in a row: the second line needs a column of its own */}
    <Flex direction="column" gap="0">
      <Text as="span" style={{ overflowWrap: 'anywhere' }}>
        {value === undefined || value === '' ? empty : String(value)}
      </Text>
      {description && (
        <Text
          as="span"
          variant="body-small"
          color="secondary"
          style={{ overflowWrap: 'anywhere' }}
        >
          {description}
        </Text>
      )}
    </Flex>
  </Cell>
);

/** Any element as a cell: the table lays out only cell components. */
export const elementCell = (element: ReactNode) => <Cell>{element}</Cell>;

function sortBy<T>(columns: DataColumn<T>[]) {
  return (rows: T[], sort: SortDescriptor) => {
    const value = columns.find(c => c.id === sort.column)?.value;
    if (!value) return rows;
    const sign = sort.direction === 'descending' ? -1 : 1;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === y) return 0;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  };
}

function searchIn<T>(columns: DataColumn<T>[]) {
  return (rows: T[], search: string) => {
    const wanted = search.trim().toLowerCase();
    if (!wanted) return rows;
    return rows.filter(row =>
      columns.some(c =>
        String(c.value?.(row) ?? '')
          .toLowerCase()
          .includes(wanted),
      ),
    );
  };
}

/** Props of {@link DataTable}. */
export interface DataTableProps<T extends TableItem> {
  /** A heading above the table; with it comes a search field when rows are many. */
  title?: string;
  /** What the search field is for, read by screen readers. */
  searchLabel?: string;
  rows: T[];
  columns: DataColumn<T>[];
  /** Rows per page; tables this long or shorter have no pages. */
  pageSize?: number;
  emptyState: ReactNode;
}

/** A table of rows held in the page: sorted, searched and paged in the browser. */
export function DataTable<T extends TableItem>(props: DataTableProps<T>) {
  const {
    title,
    searchLabel,
    rows,
    columns,
    pageSize = 20,
    emptyState,
  } = props;
  const paged = rows.length > pageSize;
  const { tableProps, search } = useTable<T>({
    mode: 'complete',
    data: rows,
    paginationOptions: paged
      ? { type: 'page', pageSize, showPageSizeOptions: false }
      : { type: 'none' },
    sortFn: sortBy(columns),
    searchFn: searchIn(columns),
  });
  const columnConfig: ColumnConfig<T>[] = columns.map((c, index) => ({
    id: c.id,
    label: c.label,
    cell: c.cell,
    isSortable: Boolean(c.value),
    isRowHeader: index === 0,
    defaultWidth: c.width ?? '1fr',
    minWidth: c.minWidth,
  }));
  const table = (
    <Table<T>
      {...tableProps}
      columnConfig={columnConfig}
      emptyState={emptyState}
    />
  );
  if (!title) return table;
  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h3" variant="title-x-small">
            {title}
          </Text>
          {paged && (
            <SearchField
              aria-label={searchLabel ?? `Search ${title.toLowerCase()}`}
              size="small"
              value={search.value}
              onChange={search.onChange}
            />
          )}
        </Flex>
      </CardHeader>
      <CardBody>{table}</CardBody>
    </Card>
  );
}
