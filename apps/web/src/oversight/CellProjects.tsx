import { Box } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useKeysetPages } from '../components/keyset-pages';
import type { ComplianceFilters } from './names';

type Row = StrategicPmoSchemas['schemas']['ComplianceModelRowResponse'];
const PAGE_SIZE = 100;

const columns: GridColDef<Row>[] = [
  { field: 'projectName', headerName: 'Project', flex: 2 },
  { field: 'projectCode', headerName: 'Code', flex: 1 },
  { field: 'version', headerName: 'Version', width: 100 },
  { field: 'adoptionDeadline', headerName: 'Adoption deadline', width: 160 },
  { field: 'state', headerName: 'State', width: 170 },
];

/** The project rows of one heatmap cell, a page at a time from the read model: a cell of thousands never travels whole. */
export function CellProjects({ filters, programId, standardKey, total }: { filters: ComplianceFilters; programId: string; standardKey: string; total: number }) {
  const pmo = usePmo();
  const selection = { ...filters, program: programId, standard: standardKey };
  const { page, gridProps } = useKeysetPages(['portfolio', 'compliance', 'rows', selection], PAGE_SIZE, (after) =>
    unwrap(pmo.strategic.GET('/portfolio/compliance/rows', { params: { query: { ...selection, limit: PAGE_SIZE, after } } })),
  );
  return (
    <>
      <ApiErrorAlert error={page.error} />
      <Box sx={{ height: 420 }}>
        <DataGrid
          aria-label="Projects of the selected program and standard"
          rows={page.data?.rows ?? []}
          getRowId={(r) => `${r.projectId}:${r.versionId}`}
          columns={columns}
          loading={page.isFetching}
          rowCount={total}
          {...gridProps}
          disableRowSelectionOnClick
        />
      </Box>
    </>
  );
}
