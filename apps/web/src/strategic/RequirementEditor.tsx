import { Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ApplicabilityFields, splitList } from './ApplicabilityFields';
import { keys, type Applicability, type Requirement, type StandardVersion } from './standards-api';

/** A requirement as the form holds it: every field as typed, the leeway of either kind. */
interface RequirementRow {
  key: number;
  id: string;
  text: string;
  leeway: 'none' | 'range' | 'options';
  min: string;
  max: string;
  unit: string;
  options: string;
}

let nextKey = 0;

function rowOf(requirement?: Requirement): RequirementRow {
  const leeway = requirement?.leeway;
  return {
    key: nextKey++,
    id: requirement?.id ?? '',
    text: requirement?.text ?? '',
    leeway: leeway?.kind ?? 'none',
    min: leeway?.kind === 'range' ? String(leeway.min) : '',
    max: leeway?.kind === 'range' ? String(leeway.max) : '',
    unit: leeway?.kind === 'range' ? leeway.unit : '',
    options: leeway?.kind === 'options' ? leeway.options.join(', ') : '',
  };
}

// An empty number is sent as it is not a number, so that the server names the field.
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function requirementOf(row: RequirementRow): Requirement {
  const base = { id: row.id.trim(), text: row.text.trim() };
  if (row.leeway === 'range') return { ...base, leeway: { kind: 'range', min: numberOf(row.min), max: numberOf(row.max), unit: row.unit.trim() } };
  if (row.leeway === 'options') return { ...base, leeway: { kind: 'options', options: splitList(row.options) } };
  return base;
}

/** Edits a draft: its dates, reach and requirements with their leeway; the server's refusals show at their fields. */
export function RequirementEditor({ version }: { version: StandardVersion }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState(version.level);
  const [effectiveDate, setEffectiveDate] = useState(version.effectiveDate);
  const [adoptionDeadline, setAdoptionDeadline] = useState(version.adoptionDeadline);
  const [applicability, setApplicability] = useState(version.applicability as unknown as Applicability);
  const [changeSummary, setChangeSummary] = useState(version.changeSummary);
  const [rows, setRows] = useState<RequirementRow[]>(() => (version.requirements as unknown as Requirement[]).map(rowOf));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.PATCH('/standards/{standardId}/versions/{version}', {
          params: { path: { standardId: version.standardId, version: version.version } },
          body: { level, effectiveDate, adoptionDeadline, applicability, changeSummary, requirements: rows.map(requirementOf) },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.version(version.standardId, version.version), saved);
      await queryClient.invalidateQueries({ queryKey: keys.standard(version.standardId) });
    },
  });
  const problems = fieldErrorsOf(save.error);
  const at = (path: string) => ({ error: Boolean(messagesAt(problems, path)), helperText: messagesAt(problems, path) });
  const update = (index: number, change: Partial<RequirementRow>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <form
      aria-label="Edit the draft"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField select label="Level" value={level} onChange={(e) => setLevel(e.target.value as typeof level)} sx={{ minWidth: 160 }}>
            <MenuItem value="mandatory">mandatory</MenuItem>
            <MenuItem value="recommended">recommended</MenuItem>
          </TextField>
          <TextField
            label="Effective date"
            type="date"
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            {...at('/effectiveDate')}
          />
          <TextField
            label="Adoption deadline"
            type="date"
            value={adoptionDeadline}
            onChange={(e) => setAdoptionDeadline(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            {...at('/adoptionDeadline')}
          />
        </Stack>
        <ApplicabilityFields value={applicability} onChange={setApplicability} error={messagesAt(problems, '/applicability')} />
        <TextField label="Change summary" value={changeSummary} onChange={(e) => setChangeSummary(e.target.value)} multiline {...at('/changeSummary')} />
        <Typography variant="h6" component="h3">
          Requirements
        </Typography>
        {rows.length === 0 && <Typography color="text.secondary">No requirement yet.</Typography>}
        {rows.map((row, index) => {
          const path = `/requirements/${index}`;
          return (
            <Paper key={row.key} component="fieldset" variant="outlined" sx={{ p: 2, m: 0 }}>
              <Box component="legend" sx={{ px: 1 }}>
                Requirement {index + 1}
              </Box>
              <Stack spacing={2}>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                  <TextField
                    label="ID"
                    value={row.id}
                    onChange={(e) => update(index, { id: e.target.value })}
                    placeholder="STATUS-CADENCE"
                    sx={{ minWidth: 220 }}
                    {...at(`${path}/id`)}
                  />
                  <TextField
                    label="Text"
                    value={row.text}
                    onChange={(e) => update(index, { text: e.target.value })}
                    fullWidth
                    multiline
                    {...at(`${path}/text`)}
                  />
                </Stack>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                  <TextField
                    select
                    label="Leeway"
                    value={row.leeway}
                    onChange={(e) => update(index, { leeway: e.target.value as RequirementRow['leeway'] })}
                    sx={{ minWidth: 180 }}
                    {...at(`${path}/leeway`)}
                  >
                    <MenuItem value="none">none (as written)</MenuItem>
                    <MenuItem value="range">a range</MenuItem>
                    <MenuItem value="options">a set of options</MenuItem>
                  </TextField>
                  {row.leeway === 'range' && (
                    <>
                      <TextField
                        label="Minimum"
                        type="number"
                        value={row.min}
                        onChange={(e) => update(index, { min: e.target.value })}
                        {...at(`${path}/leeway/min`)}
                      />
                      <TextField
                        label="Maximum"
                        type="number"
                        value={row.max}
                        onChange={(e) => update(index, { max: e.target.value })}
                        {...at(`${path}/leeway/max`)}
                      />
                      <TextField
                        label="Unit"
                        value={row.unit}
                        onChange={(e) => update(index, { unit: e.target.value })}
                        placeholder="days"
                        {...at(`${path}/leeway/unit`)}
                      />
                    </>
                  )}
                  {row.leeway === 'options' && (
                    <TextField
                      label="Options"
                      value={row.options}
                      onChange={(e) => update(index, { options: e.target.value })}
                      fullWidth
                      {...at(`${path}/leeway/options`)}
                      helperText={messagesAt(problems, `${path}/leeway/options`) ?? 'comma-separated'}
                    />
                  )}
                  <Box sx={{ flexGrow: 1 }} />
                  <Button color="error" onClick={() => setRows(rows.filter((_, i) => i !== index))} aria-label={`Remove requirement ${index + 1}`}>
                    Remove
                  </Button>
                </Stack>
              </Stack>
            </Paper>
          );
        })}
        <ApiErrorAlert error={save.error} />
        {save.isSuccess && !save.isPending && <Typography role="status">Draft saved.</Typography>}
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" onClick={() => setRows([...rows, rowOf()])}>
            Add requirement
          </Button>
          <Button type="submit" variant="contained" loading={save.isPending}>
            Save draft
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
