import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { NewVersionForm } from './NewVersionForm';
import { PoliciesPanel } from './PoliciesPanel';
import { keys, STATE_COLORS, useIsStrategicAdmin, type Standard, type VersionState } from './standards-api';

type Row = Standard['versions'][number] & { id: string };
type Action = 'submit' | 'return' | 'retire' | 'delete';
const ACTION_LABEL: Record<Action, string> = { submit: 'Submit for review', return: 'Return to draft', retire: 'Retire', delete: 'Delete draft' };
const ACTIONS_OF: Record<VersionState, Action[]> = { draft: ['submit', 'delete'], 'in-review': ['return'], published: ['retire'], superseded: [], retired: [] };

/** One standard: its versions and their lifecycle, a new draft, a diff between two versions, its policies. */
export default function StandardPage() {
  const { standardId = '' } = useParams();
  const pmo = usePmo();
  const isAdmin = useIsStrategicAdmin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<{ action: Action; version: string } | null>(null);
  const [reason, setReason] = useState('');
  const standard = useQuery({
    queryKey: keys.standard(standardId),
    queryFn: () => unwrap(pmo.strategic.GET('/standards/{standardId}', { params: { path: { standardId } } })),
  });
  const lifecycle = useMutation({
    mutationFn: async ({ action, version }: { action: Action; version: string }) => {
      const path = { standardId, version };
      if (action === 'delete') return unwrap(pmo.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: { path } }));
      if (action === 'retire') return unwrap(pmo.strategic.POST('/standards/{standardId}/versions/{version}/retire', { params: { path }, body: { reason } }));
      if (action === 'return') return unwrap(pmo.strategic.POST('/standards/{standardId}/versions/{version}/return', { params: { path } }));
      return unwrap(pmo.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: { path } }));
    },
    onSuccess: async () => {
      setConfirm(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: keys.standard(standardId) });
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
    },
  });

  const s = standard.data;
  const rows: Row[] = (s?.versions ?? []).map((v) => ({ ...v, id: v.version }));
  const columns: GridColDef<Row>[] = [
    {
      field: 'version',
      headerName: 'Version',
      width: 140,
      renderCell: ({ row }) => <Link to={`/standards/${standardId}/versions/${row.version}`}>{row.version}</Link>,
    },
    { field: 'state', headerName: 'State', width: 140, renderCell: ({ row }) => <Chip size="small" label={row.state} color={STATE_COLORS[row.state]} /> },
    {
      field: 'actions',
      headerName: 'Actions',
      flex: 1,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
          {row.state === 'in-review' && isAdmin && (
            <Button
              size="small"
              variant="contained"
              component={Link}
              to={`/standards/${standardId}/versions/${row.version}#publish`}
              aria-label={`Publish ${row.version}…`}
            >
              Publish…
            </Button>
          )}
          {isAdmin &&
            ACTIONS_OF[row.state].map((action) => (
              <Button
                key={action}
                size="small"
                variant="outlined"
                color={action === 'delete' || action === 'retire' ? 'error' : 'primary'}
                aria-label={`${ACTION_LABEL[action]} ${row.version}`}
                onClick={() =>
                  action === 'submit' || action === 'return' ? lifecycle.mutate({ action, version: row.version }) : setConfirm({ action, version: row.version })
                }
              >
                {ACTION_LABEL[action]}
              </Button>
            ))}
        </Stack>
      ),
    },
  ];
  const labels = rows.map((r) => r.version);

  return (
    <>
      <PageHeader title={s ? s.title : 'Standard'} subtitle={s ? `${s.key} · ${s.kind} · owned by ${s.owner}` : undefined} />
      <ApiErrorAlert error={standard.error} />
      {s && (
        <Stack spacing={3}>
          {s.tags.length > 0 && (
            <Stack direction="row" spacing={1} aria-label="Tags">
              {s.tags.map((t) => (
                <Chip key={t} label={t} size="small" />
              ))}
            </Stack>
          )}
          <Box component="section" aria-labelledby="versions-heading">
            <Typography variant="h5" component="h2" id="versions-heading" gutterBottom>
              Versions
            </Typography>
            <ApiErrorAlert error={lifecycle.error} />
            <Box sx={{ height: Math.min(420, 110 + rows.length * 52) }}>
              <DataGrid
                aria-label="Versions"
                rows={rows}
                columns={columns}
                loading={standard.isFetching || lifecycle.isPending}
                disableRowSelectionOnClick
                hideFooter
              />
            </Box>
          </Box>
          {labels.length >= 2 && (
            <CompareForm versions={labels} onCompare={(from, to) => void navigate(`/standards/${standardId}/diff?from=${from}&to=${to}`)} />
          )}
          {isAdmin && <NewVersionForm standard={s} />}
          <PoliciesPanel standard={s} editable={isAdmin} />
        </Stack>
      )}
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="confirm-title">
        <DialogTitle id="confirm-title">{confirm && `${ACTION_LABEL[confirm.action]} ${confirm.version}?`}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {confirm?.action === 'delete' ? 'The draft is deleted for good.' : 'Programs stop receiving this version; the record keeps it with the reason.'}
          </DialogContentText>
          {confirm?.action === 'retire' && (
            <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth multiline sx={{ mt: 2 }} />
          )}
          <ApiErrorAlert error={lifecycle.error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)}>Cancel</Button>
          <Button color="error" variant="contained" loading={lifecycle.isPending} onClick={() => confirm && lifecycle.mutate(confirm)}>
            {confirm ? ACTION_LABEL[confirm.action] : 'Confirm'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function CompareForm({ versions, onCompare }: { versions: string[]; onCompare: (from: string, to: string) => void }) {
  const [from, setFrom] = useState(versions[0] ?? '');
  const [to, setTo] = useState(versions[versions.length - 1] ?? '');
  return (
    <Paper component="section" aria-labelledby="compare-heading" variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h5" component="h2" id="compare-heading" gutterBottom>
        Compare two versions
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label="From version" value={from} onChange={(e) => setFrom(e.target.value)} sx={{ minWidth: 160 }}>
          {versions.map((v) => (
            <MenuItem key={v} value={v}>
              {v}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="To version" value={to} onChange={(e) => setTo(e.target.value)} sx={{ minWidth: 160 }}>
          {versions.map((v) => (
            <MenuItem key={v} value={v}>
              {v}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" onClick={() => onCompare(from, to)} disabled={!from || !to || from === to}>
          Compare
        </Button>
      </Stack>
    </Paper>
  );
}
