import type { GridPaginationModel } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';

/**
 * A data grid's server-side pages over a keyset-paged route: page n starts at the cursor page n − 1 answered.
 * The grid moves forward one page at a time, or back to a page already seen; another `key` (other filters)
 * starts again from the first page.
 */
export function useKeysetPages<T>(
  key: readonly unknown[],
  pageSize: number,
  fetchPage: (after: string | undefined) => Promise<{ rows: T[]; next: string | null }>,
) {
  const identity = JSON.stringify(key);
  const [position, setPosition] = useState({ identity, page: 0 });
  // cursors.get(identity)[n]: where page n of that selection starts.
  const cursors = useRef(new Map<string, (string | undefined)[]>());
  const known = cursors.current.get(identity) ?? [undefined];
  cursors.current.set(identity, known);
  const pageIndex = position.identity === identity ? position.page : 0;
  const page = useQuery({
    queryKey: [...key, pageIndex],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const answer = await fetchPage(known[pageIndex]);
      known[pageIndex + 1] = answer.next ?? undefined;
      return answer;
    },
  });
  const paginationModel: GridPaginationModel = { page: pageIndex, pageSize };
  const onPaginationModelChange = (next: GridPaginationModel) => {
    if (next.page < known.length) setPosition({ identity, page: next.page });
  };
  return { page, gridProps: { paginationMode: 'server' as const, pageSizeOptions: [pageSize], paginationModel, onPaginationModelChange } };
}
