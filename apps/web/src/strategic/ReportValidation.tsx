import { Alert, Button, List, ListItem, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import type { StandardVersion } from './standards-api';

/** Checks a sample report against a report format version (POST …/validate): every error with its path. */
export function ReportValidation({ version }: { version: StandardVersion }) {
  const pmo = usePmo();
  const [text, setText] = useState('{\n  "period": "2027-01-15",\n  "health": "green"\n}');
  const [parseError, setParseError] = useState<string | null>(null);
  const validate = useMutation({
    mutationFn: (report: Record<string, unknown>) =>
      unwrap(
        pmo.strategic.POST('/standards/{standardId}/versions/{version}/validate', {
          params: { path: { standardId: version.standardId, version: version.version } },
          body: { report: report as never },
        }),
      ),
  });
  const run = () => {
    try {
      const report = JSON.parse(text) as Record<string, unknown>;
      setParseError(null);
      validate.mutate(report);
    } catch (error) {
      setParseError((error as Error).message);
    }
  };
  return (
    <Stack spacing={2}>
      <TextField
        label="Sample report (JSON)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        multiline
        minRows={5}
        error={Boolean(parseError)}
        helperText={parseError ?? undefined}
        slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
      />
      <div>
        <Button variant="outlined" onClick={run} loading={validate.isPending}>
          Validate the sample
        </Button>
      </div>
      <ApiErrorAlert error={validate.error} />
      {validate.data &&
        (validate.data.valid ? (
          <Alert severity="success" role="status">
            The sample fits the report format.
          </Alert>
        ) : (
          <Alert severity="warning" role="status">
            The sample does not fit the report format:
            <List dense>
              {validate.data.errors.map((e) => (
                <ListItem key={`${e.path}:${e.message}`}>
                  {e.path || '/'}: {e.message}
                </ListItem>
              ))}
            </List>
          </Alert>
        ))}
    </Stack>
  );
}
