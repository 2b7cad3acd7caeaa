import { Alert, Box, Button, Card, CardContent, Chip, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { PmoClients, StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { ApiError, unwrap, type ErrorBody } from '../api/api-error';
import { apiUrl, usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { AuditEntryDialog } from './AuditEntryDialog';

// The three services answer /audit and /audit/verify alike; each has its own typed client.
function verifyOf(pmo: PmoClients, service: Service): Promise<Verify> {
  if (service === 'strategic') return unwrap(pmo.strategic.GET('/audit/verify'));
  if (service === 'program') return unwrap(pmo.program.GET('/audit/verify'));
  return unwrap(pmo.project.GET('/audit/verify'));
}

function pageOf(pmo: PmoClients, service: Service, query: AuditQuery): Promise<AuditEntries> {
  const init = { params: { query } };
  if (service === 'strategic') return unwrap(pmo.strategic.GET('/audit', init)) as Promise<AuditEntries>;
  if (service === 'program') return unwrap(pmo.program.GET('/audit', init)) as Promise<AuditEntries>;
  return unwrap(pmo.project.GET('/audit', init)) as Promise<AuditEntries>;
}

type Entry = StrategicPmoSchemas['schemas']['AuditEntryResponse'];
type Verify = StrategicPmoSchemas['schemas']['AuditVerifyResponse'];
type AuditEntries = StrategicPmoSchemas['schemas']['AuditPageResponse'];
type AuditQuery = { limit?: number; afterSeq?: number; entityType?: string; entityId?: string; actor?: string; action?: string; from?: string; to?: string };
type Service = 'strategic' | 'program' | 'project';
const SERVICES: { id: Service; label: string }[] = [
  { id: 'strategic', label: 'Strategic PMO' },
  { id: 'program', label: 'Program PMO' },
  { id: 'project', label: 'Project PMO' },
];

interface Filters {
  entityType: string;
  entityId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { entityType: '', entityId: '', actor: '', action: '', from: '', to: '' };

/** The route's query: only the filters that are set; times from the local inputs as UTC instants. */
function queryOf(filters: Filters, afterSeq?: number): AuditQuery {
  const query: AuditQuery = {};
  for (const key of ['entityType', 'entityId', 'actor', 'action'] as const) if (filters[key].trim()) query[key] = filters[key].trim();
  if (filters.from) query.from = new Date(filters.from).toISOString();
  if (filters.to) query.to = new Date(filters.to).toISOString();
  if (afterSeq !== undefined) query.afterSeq = afterSeq;
  return query;
}

function columnsWith(open: (entry: Entry) => void): GridColDef<Entry>[] {
  return [
    { field: 'seq', headerName: 'Seq', type: 'number', width: 80 },
    { field: 'at', headerName: 'At', width: 180, valueGetter: (_value, row) => row.at.slice(0, 19).replace('T', ' ') },
    {
      field: 'domainAt',
      headerName: 'Domain time',
      width: 180,
      valueGetter: (_value, row) => (row.domainAt ? row.domainAt.slice(0, 19).replace('T', ' ') : ''),
    },
    { field: 'actor', headerName: 'Actor', flex: 1, valueGetter: (_value, row) => row.actor.name || row.actor.subject },
    { field: 'action', headerName: 'Action', flex: 1 },
    { field: 'entityType', headerName: 'Entity type', width: 150 },
    { field: 'entityId', headerName: 'Entity', flex: 1 },
    { field: 'reason', headerName: 'Reason', flex: 1, valueGetter: (_value, row) => row.reason ?? '' },
    { field: 'chainPos', headerName: 'Sealed', width: 90, valueGetter: (_value, row) => (row.chainPos === null ? 'pending' : 'yes') },
    {
      field: 'changes',
      headerName: 'Before / after',
      width: 130,
      sortable: false,
      filterable: false,
      renderCell: ({ row }) => (
        <Button size="small" onClick={() => open(row)} aria-label={`Before and after of entry ${row.seq}`}>
          View
        </Button>
      ),
    },
  ];
}

/** The auditor's view: each service's audit log, filtered and exported, and each hash chain checked. */
export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit" subtitle="The audit log of each service, its CSV export, and the check of its hash chain." />
      <ChainChecks />
      <AuditLog />
    </>
  );
}

function ChainChecks() {
  const pmo = usePmo();
  const check = useMutation({
    mutationFn: async () => {
      const results = await Promise.allSettled(SERVICES.map(({ id }) => verifyOf(pmo, id)));
      return SERVICES.map((service, index) => ({ service, result: results[index] }));
    },
  });
  return (
    <Box component="section" aria-labelledby="chain-checks" sx={{ mb: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" id="chain-checks">
          Hash chains
        </Typography>
        <Button variant="outlined" onClick={() => check.mutate()} disabled={check.isPending}>
          Check the chains
        </Button>
      </Stack>
      <ApiErrorAlert error={check.error} />
      {check.data && (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {check.data.map(({ service, result }) => (
            <Card key={service.id} variant="outlined" sx={{ flex: 1 }} role="group" aria-label={`${service.label} chain`}>
              <CardContent>
                <Typography variant="subtitle1" component="h3">
                  {service.label}
                </Typography>
                {result.status === 'rejected' ? <ApiErrorAlert error={result.reason} /> : <VerifyResult verify={result.value} />}
              </CardContent>
            </Card>
          ))}
        </Stack>
      )}
    </Box>
  );
}

function VerifyResult({ verify }: { verify: Verify }) {
  if (!verify.ok) {
    return (
      <Alert severity="error">
        Broken at entry {verify.firstBrokenSeq}: {verify.reason} ({verify.checked} entries checked)
      </Alert>
    );
  }
  return (
    <Stack spacing={1}>
      <Chip color="success" label="intact" sx={{ alignSelf: 'flex-start' }} />
      <Typography variant="body2">
        {verify.checked} entries checked{verify.headSeq !== undefined ? `, head entry ${verify.headSeq}` : ''}
        {verify.pending ? `; ${verify.pending} committed meanwhile, not yet sealed` : ''}
      </Typography>
      {verify.headHash && (
        <Typography variant="body2" sx={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>
          head hash {verify.headHash}
        </Typography>
      )}
    </Stack>
  );
}

function AuditLog() {
  const pmo = usePmo();
  const session = useSession();
  const [service, setService] = useState<Service>('strategic');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Keyset pages: the cursors of the pages before the one shown, so that the previous page is one step back.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const afterSeq = cursors[cursors.length - 1];
  const log = useQuery({
    queryKey: ['audit', service, filters, afterSeq],
    placeholderData: keepPreviousData,
    queryFn: () => pageOf(pmo, service, { ...queryOf(filters, afterSeq), limit: 100 }),
  });

  const [opened, setOpened] = useState<Entry>();
  const columns = useMemo(() => columnsWith(setOpened), []);

  const [csv, setCsv] = useState<{ href: string; name: string }>();
  useEffect(() => () => (csv ? URL.revokeObjectURL(csv.href) : undefined), [csv]);
  const exportCsv = useMutation({
    mutationFn: async () => {
      const params = new URLSearchParams(Object.entries({ ...queryOf(filters), format: 'csv' }).map(([k, v]) => [k, String(v)]));
      const response = await fetch(apiUrl(service, `/audit?${params.toString()}`), {
        headers: { authorization: `Bearer ${await session.accessToken()}`, accept: 'text/csv' },
      });
      if (!response.ok) throw new ApiError(response.status, ((await response.json().catch(() => ({}))) ?? {}) as ErrorBody);
      return { href: URL.createObjectURL(await response.blob()), name: `audit-${service}.csv` };
    },
    onSuccess: (file) => {
      setCsv(file);
      // Saved at once, as a download link would; the link stays for saving it again.
      const anchor = document.createElement('a');
      anchor.href = file.href;
      anchor.download = file.name;
      anchor.click();
    },
  });

  const apply = () => {
    setFilters(draft);
    setCursors([undefined]);
    setCsv(undefined);
  };
  const field = (key: keyof Filters, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      size="small"
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      slotProps={type === 'text' ? undefined : { inputLabel: { shrink: true } }}
    />
  );
  return (
    <Box component="section" aria-labelledby="audit-log">
      <Typography variant="h6" component="h2" id="audit-log" sx={{ mb: 1 }}>
        Audit log
      </Typography>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ mb: 2, flexWrap: 'wrap' }}
        component="form"
        aria-label="Audit log filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <TextField
          select
          label="Service"
          size="small"
          value={service}
          onChange={(e) => {
            setService(e.target.value as Service);
            setCursors([undefined]);
            setCsv(undefined);
          }}
          sx={{ minWidth: 170 }}
        >
          {SERVICES.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.label}
            </MenuItem>
          ))}
        </TextField>
        {field('action', 'Action')}
        {field('actor', 'Actor')}
        {field('entityType', 'Entity type')}
        {field('entityId', 'Entity id')}
        {field('from', 'From', 'datetime-local')}
        {field('to', 'To', 'datetime-local')}
        <Button type="submit" variant="contained">
          Apply filters
        </Button>
        <Button
          onClick={() => {
            setDraft(NO_FILTERS);
            setFilters(NO_FILTERS);
            setCursors([undefined]);
            setCsv(undefined);
          }}
        >
          Clear
        </Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
          Export CSV
        </Button>
        {csv && (
          <Link href={csv.href} download={csv.name}>
            Download {csv.name}
          </Link>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </Button>
        <Button disabled={log.data?.nextAfterSeq === undefined} onClick={() => setCursors([...cursors, log.data?.nextAfterSeq])}>
          Next page
        </Button>
      </Stack>
      <ApiErrorAlert error={exportCsv.error ?? log.error} />
      <Box sx={{ height: 560 }}>
        <DataGrid
          aria-label="Audit log"
          rows={log.data?.entries ?? []}
          getRowId={(row) => row.seq}
          columns={columns}
          loading={log.isFetching}
          disableRowSelectionOnClick
          hideFooterPagination
          initialState={{ sorting: { sortModel: [{ field: 'seq', sort: 'desc' }] } }}
        />
      </Box>
      {opened && <AuditEntryDialog entry={opened} onClose={() => setOpened(undefined)} />}
    </Box>
  );
}
