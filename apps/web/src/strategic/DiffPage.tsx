import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { keys, type VersionChange } from './standards-api';

type Row = VersionChange & { id: number; what: string; beforeText: string; afterText: string };

const GROUPS: { title: string; areas: VersionChange['area'][] }[] = [
  { title: 'Requirements', areas: ['requirement', 'leeway'] },
  { title: 'Applicability and rollout', areas: ['applicability', 'rollout'] },
  { title: 'Methodology', areas: ['phase', 'key-task', 'activity', 'input', 'output', 'stakeholder', 'best-practice', 'lesson'] },
];

// Only MUI colours whose white text passes the contrast rules.
const IMPACT_COLOR = { major: 'error', minor: 'primary', patch: 'default', none: 'default' } as const;

/** A value of a change, for reading: a text as it is, a requirement as its id and text, anything else as JSON. */
function textOf(value: VersionChange['before']): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  const item = value as { id?: unknown; text?: unknown; name?: unknown };
  if (typeof item.id === 'string' && typeof item.text === 'string') return `${item.id}: ${item.text}`;
  if (typeof item.name === 'string') return item.name;
  return JSON.stringify(value);
}

const columns: GridColDef<Row>[] = [
  { field: 'path', headerName: 'What', flex: 1.2 },
  { field: 'what', headerName: 'Change', width: 170 },
  {
    field: 'impact',
    headerName: 'Class',
    width: 100,
    renderCell: ({ row }) => <Chip size="small" label={row.impact} color={IMPACT_COLOR[row.impact]} />,
  },
  { field: 'beforeText', headerName: 'Before', flex: 2 },
  { field: 'afterText', headerName: 'After', flex: 2 },
];

/** What changed between two versions of a standard, side by side, with the semver class it calls for. */
export default function DiffPage() {
  const { standardId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const pmo = usePmo();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const [choice, setChoice] = useState({ from, to });
  const standard = useQuery({
    queryKey: keys.standard(standardId),
    queryFn: () => unwrap(pmo.strategic.GET('/standards/{standardId}', { params: { path: { standardId } } })),
  });
  const diff = useQuery({
    queryKey: ['standard', standardId, 'diff', from, to],
    enabled: Boolean(from && to),
    queryFn: () => unwrap(pmo.strategic.GET('/standards/{standardId}/diff', { params: { path: { standardId }, query: { from, to } } })),
  });
  const versions = standard.data?.versions.map((v) => v.version) ?? [];
  const rows: Row[] = (diff.data?.changes ?? []).map((change, id) => ({
    ...change,
    id,
    what: [change.kind, change.leeway ?? change.reach].filter(Boolean).join(', '),
    beforeText: textOf(change.before),
    afterText: textOf(change.after),
  }));
  return (
    <>
      <PageHeader
        title={`Compare versions${standard.data ? ` of ${standard.data.title}` : ''}`}
        subtitle="Every change between two versions, and the semver class it calls for."
      />
      <Typography sx={{ mb: 2 }}>
        <Link to={`/standards/${standardId}`}>Back to {standard.data?.title ?? 'the standard'}</Link>
      </Typography>
      <Stack
        direction="row"
        spacing={2}
        component="form"
        aria-label="Versions to compare"
        sx={{ mb: 2, alignItems: 'center' }}
        onSubmit={(e) => {
          e.preventDefault();
          setSearch({ from: choice.from, to: choice.to });
        }}
      >
        {(['from', 'to'] as const).map((end) => (
          <TextField
            key={end}
            select
            size="small"
            label={end === 'from' ? 'From version' : 'To version'}
            value={versions.includes(choice[end]) ? choice[end] : ''}
            onChange={(e) => setChoice({ ...choice, [end]: e.target.value })}
            sx={{ minWidth: 160 }}
          >
            {versions.map((v) => (
              <MenuItem key={v} value={v}>
                {v}
              </MenuItem>
            ))}
          </TextField>
        ))}
        <Button type="submit" variant="outlined" disabled={!choice.from || !choice.to}>
          Compare
        </Button>
      </Stack>
      <ApiErrorAlert error={diff.error ?? standard.error} />
      {diff.data && (
        <Stack spacing={3}>
          <Alert severity={diff.data.classification === 'major' ? 'warning' : 'info'} role="status">
            From {from} to {to}: <strong>{diff.data.classification === 'none' ? 'no change' : `a ${diff.data.classification} change`}</strong> ({rows.length}{' '}
            change
            {rows.length === 1 ? '' : 's'}).
            <Chip sx={{ ml: 2 }} label={`Class: ${diff.data.classification}`} color={IMPACT_COLOR[diff.data.classification]} />
          </Alert>
          {GROUPS.map((group) => {
            const groupRows = rows.filter((r) => group.areas.includes(r.area));
            if (groupRows.length === 0) return null;
            return (
              <Paper key={group.title} component="section" aria-label={group.title} variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h5" component="h2" gutterBottom>
                  {group.title}
                </Typography>
                <Box sx={{ height: Math.min(560, 110 + groupRows.length * 52) }}>
                  <DataGrid
                    aria-label={`${group.title} changes`}
                    rows={groupRows}
                    columns={columns}
                    disableRowSelectionOnClick
                    hideFooter
                    getRowHeight={() => 'auto'}
                  />
                </Box>
              </Paper>
            );
          })}
        </Stack>
      )}
    </>
  );
}
