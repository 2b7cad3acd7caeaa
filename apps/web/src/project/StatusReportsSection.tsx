import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Form from '@rjsf/mui';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProjectPmoSchemas } from '@pmo/api-contracts/browser';
import { fieldErrorsOf, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { errorSchemaOf } from './field-errors';

type StatusReport = ProjectPmoSchemas['schemas']['StatusReportResponse'];

/** A published report format version: what a status report follows. */
interface ReportFormat {
  versionId: string;
  label: string;
  schema: RJSFSchema;
}

/**
 * The published report formats, from the strategic PMO's catalog: each format version carries its JSON
 * Schema in its body, so the form draws itself from whatever the format asks.
 */
function useReportFormats() {
  const pmo = usePmo();
  return useQuery({
    queryKey: ['report-formats'],
    staleTime: 60_000,
    queryFn: async (): Promise<ReportFormat[]> => {
      const page = await unwrap(pmo.strategic.GET('/standards', { params: { query: { kind: 'report-format', state: 'published', limit: 100 } } }));
      const versions = page.items.flatMap((standard) =>
        standard.versions.filter((v) => v.state === 'published').map((v) => ({ standard, version: v.version })),
      );
      const loaded = await Promise.all(
        versions.map(({ standard, version }) =>
          unwrap(pmo.strategic.GET('/standards/{standardId}/versions/{version}', { params: { path: { standardId: standard.id, version } } })).then((v) => ({
            versionId: v.id,
            label: `${standard.title} ${v.version}`,
            schema: (v.body as { schema?: RJSFSchema } | null)?.schema,
          })),
        ),
      );
      return loaded.filter((f): f is ReportFormat => Boolean(f.schema)).map((f) => ({ ...f, schema: forTheForm(f.schema) }));
    },
  });
}

/** The format's schema for drawing: the dialect marker and $id are left to the server, which validates. */
function forTheForm(schema: RJSFSchema): RJSFSchema {
  const copy: RJSFSchema = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

/**
 * The order of the fields: the catalog stores schemas as jsonb, which does not keep the order of properties,
 * so the required ones come first, in the order the format lists them, then the others.
 */
function uiSchemaOf(schema: RJSFSchema): UiSchema {
  const ui: UiSchema = {};
  if (schema.properties) {
    const required = (schema.required ?? []).filter((key) => key in (schema.properties as object));
    if (required.length) ui['ui:order'] = [...required, '*'];
    for (const [key, child] of Object.entries(schema.properties)) {
      if (typeof child !== 'object') continue;
      const nested = uiSchemaOf(child as RJSFSchema);
      if (Object.keys(nested).length) ui[key] = nested;
    }
  }
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    const nested = uiSchemaOf(schema.items as RJSFSchema);
    if (Object.keys(nested).length) ui.items = nested;
  }
  return ui;
}

function summaryOf(report: Record<string, unknown>): string {
  return Object.entries(report)
    .filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

/** The project's status reports, newest first, and a new one in a published format. */
export function StatusReportsSection({ projectId }: { projectId: string }) {
  const pmo = usePmo();
  const formats = useReportFormats();
  const reports = useQuery({
    queryKey: ['projects', projectId, 'status-reports'],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/status-reports', { params: { path: { projectId } } })),
  });
  const labels = useMemo(() => new Map((formats.data ?? []).map((f) => [f.versionId, f.label])), [formats.data]);
  const columns = useMemo<GridColDef<StatusReport>[]>(
    () => [
      { field: 'submittedAt', headerName: 'Submitted', width: 180, valueGetter: (_value, row) => row.submittedAt.slice(0, 16).replace('T', ' ') },
      { field: 'formatVersionId', headerName: 'Format', flex: 1, valueGetter: (_value, row) => labels.get(row.formatVersionId) ?? row.formatVersionId },
      { field: 'report', headerName: 'Summary', flex: 2, sortable: false, valueGetter: (_value, row) => summaryOf(row.report) },
    ],
    [labels],
  );
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Status reports
        </Typography>
        <ApiErrorAlert error={reports.error} />
        <Box sx={{ height: 320 }}>
          <DataGrid aria-label="Status reports" rows={reports.data ?? []} columns={columns} loading={reports.isFetching} disableRowSelectionOnClick />
        </Box>
      </Box>
      <ApiErrorAlert error={formats.error} />
      {formats.data && formats.data.length === 0 && <Alert severity="info">No report format is published yet.</Alert>}
      {formats.data && formats.data.length > 0 && <NewStatusReport projectId={projectId} formats={formats.data} />}
    </Stack>
  );
}

function NewStatusReport({ projectId, formats }: { projectId: string; formats: ReportFormat[] }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const [versionId, setVersionId] = useState(formats[0].versionId);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [sent, setSent] = useState(false);
  const format = formats.find((f) => f.versionId === versionId) ?? formats[0];
  const uiSchema = useMemo(() => uiSchemaOf(format.schema), [format.schema]);
  const submit = useMutation({
    mutationFn: (report: Record<string, unknown>) =>
      unwrap(
        pmo.project.POST('/projects/{projectId}/status-reports', {
          params: { path: { projectId } },
          body: { formatVersionId: format.versionId, report: report as never },
        }),
      ),
    onSuccess: async () => {
      setFormData({});
      setSent(true);
      await queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
    },
  });
  // The server judges the report against its format; its 422 names each field by a JSON pointer.
  const extraErrors = useMemo(() => {
    const fieldErrors = fieldErrorsOf(submit.error);
    return errorSchemaOf(fieldErrors, fieldErrors.some((e) => e.path.startsWith('/report/')) ? '/report' : '');
  }, [submit.error]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="new-status-report">
      <Typography variant="h6" component="h2" id="new-status-report" sx={{ mb: 2 }}>
        New status report
      </Typography>
      <TextField
        select
        label="Report format"
        value={format.versionId}
        onChange={(e) => {
          setVersionId(e.target.value);
          setFormData({});
          submit.reset();
        }}
        size="small"
        sx={{ minWidth: 320, mb: 2 }}
      >
        {formats.map((f) => (
          <MenuItem key={f.versionId} value={f.versionId}>
            {f.label}
          </MenuItem>
        ))}
      </TextField>
      {sent && !submit.error && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSent(false)}>
          The status report was accepted.
        </Alert>
      )}
      <Box sx={{ mb: 2 }}>
        <ApiErrorAlert error={submit.error} />
      </Box>
      <Form
        key={format.versionId}
        schema={format.schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        onChange={(e) => setFormData((e.formData ?? {}) as Record<string, unknown>)}
        onSubmit={(e) => {
          setSent(false);
          submit.mutate((e.formData ?? {}) as Record<string, unknown>);
        }}
        extraErrors={extraErrors}
        noValidate
        noHtml5Validate
        showErrorList={false}
        disabled={submit.isPending}
      >
        <Button type="submit" variant="contained" disabled={submit.isPending}>
          Submit status report
        </Button>
      </Form>
    </Paper>
  );
}
