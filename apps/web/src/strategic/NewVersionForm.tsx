import { Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ApplicabilityFields } from './ApplicabilityFields';
import { keys, type Applicability, type Requirement, type Standard } from './standards-api';

/** Drafts a new version, empty or starting from the requirements and applicability of an existing one. */
export function NewVersionForm({ standard }: { standard: Standard }) {
  const pmo = usePmo();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState('');
  const [level, setLevel] = useState<'mandatory' | 'recommended'>('mandatory');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [adoptionDeadline, setAdoptionDeadline] = useState('');
  const [applicability, setApplicability] = useState<Applicability>({ scope: 'organisation' });
  const [changeSummary, setChangeSummary] = useState('');
  const [startFrom, setStartFrom] = useState('');
  const create = useMutation({
    mutationFn: async () => {
      let requirements: Requirement[] = [];
      let body: Record<string, unknown> | undefined;
      if (startFrom) {
        const base = await unwrap(
          pmo.strategic.GET('/standards/{standardId}/versions/{version}', { params: { path: { standardId: standard.id, version: startFrom } } }),
        );
        requirements = base.requirements as unknown as Requirement[];
        // A methodology's playbook comes by import only; a report format or tool keeps its body.
        if (standard.kind !== 'methodology' && base.body) body = base.body;
      }
      return unwrap(
        pmo.strategic.POST('/standards/{standardId}/versions', {
          params: { path: { standardId: standard.id } },
          body: { version, level, effectiveDate, adoptionDeadline, applicability, changeSummary, requirements, ...(body ? { body: body as never } : {}) },
        }),
      );
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: keys.standard(standard.id) });
      void navigate(`/standards/${standard.id}/versions/${created.version}`);
    },
  });
  const problems = fieldErrorsOf(create.error);
  const at = (path: string) => ({ error: Boolean(messagesAt(problems, path)), helperText: messagesAt(problems, path) });
  return (
    <Paper component="section" aria-labelledby="new-version-heading" variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h5" component="h2" id="new-version-heading" gutterBottom>
        Draft a new version
      </Typography>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField label="Version" required value={version} onChange={(e) => setVersion(e.target.value)} placeholder="1.0.0" {...at('/version')} />
            <TextField select label="Level" value={level} onChange={(e) => setLevel(e.target.value as typeof level)} sx={{ minWidth: 160 }}>
              <MenuItem value="mandatory">mandatory</MenuItem>
              <MenuItem value="recommended">recommended</MenuItem>
            </TextField>
            <TextField
              label="Effective date"
              type="date"
              required
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              {...at('/effectiveDate')}
            />
            <TextField
              label="Adoption deadline"
              type="date"
              required
              value={adoptionDeadline}
              onChange={(e) => setAdoptionDeadline(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              {...at('/adoptionDeadline')}
            />
            <TextField select label="Start from" value={startFrom} onChange={(e) => setStartFrom(e.target.value)} sx={{ minWidth: 180 }}>
              <MenuItem value="">an empty draft</MenuItem>
              {standard.versions.map((v) => (
                <MenuItem key={v.version} value={v.version}>
                  version {v.version}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <ApplicabilityFields value={applicability} onChange={setApplicability} error={messagesAt(problems, '/applicability')} />
          <TextField label="Change summary" value={changeSummary} onChange={(e) => setChangeSummary(e.target.value)} multiline {...at('/changeSummary')} />
          <ApiErrorAlert error={create.error} />
          <div>
            <Button type="submit" variant="contained" loading={create.isPending}>
              Create draft
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
