import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { keys, type Applicability, type Program } from './standards-api';

/** The portfolio's programs, for choosing them by name. */
export function usePrograms() {
  const pmo = usePmo();
  return useQuery({ queryKey: keys.programs, queryFn: () => unwrap(pmo.strategic.GET('/portfolio/programs')), staleTime: 60_000 });
}

/** Programs chosen by name; the value is their ids. */
export function ProgramPicker({ label, value, onChange, error }: { label: string; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const programs = usePrograms();
  const options = programs.data ?? [];
  const selected = options.filter((p) => value.includes(p.programId));
  return (
    <Autocomplete<Program, true>
      multiple
      options={options}
      value={selected}
      loading={programs.isLoading}
      getOptionLabel={(p) => `${p.name} (${p.code})`}
      isOptionEqualToValue={(a, b) => a.programId === b.programId}
      onChange={(_e, chosen) => onChange(chosen.map((p) => p.programId))}
      renderInput={(params) => <TextField {...params} label={label} error={Boolean(error)} helperText={error} />}
      sx={{ minWidth: 280 }}
    />
  );
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Whole organisation, programs by name, or program tags. */
export function ApplicabilityFields({ value, onChange, error }: { value: Applicability; onChange: (next: Applicability) => void; error?: string }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextField
        select
        label="Applies to"
        value={value.scope}
        sx={{ minWidth: 200 }}
        error={Boolean(error)}
        helperText={error}
        onChange={(e) => {
          const scope = e.target.value as Applicability['scope'];
          onChange(scope === 'organisation' ? { scope } : scope === 'tags' ? { scope, tags: [] } : { scope, programIds: [] });
        }}
      >
        <MenuItem value="organisation">the whole organisation</MenuItem>
        <MenuItem value="programs">listed programs</MenuItem>
        <MenuItem value="tags">programs with tags</MenuItem>
      </TextField>
      {value.scope === 'tags' && (
        <TextField
          label="Program tags"
          helperText="comma-separated"
          defaultValue={value.tags.join(', ')}
          onChange={(e) => onChange({ scope: 'tags', tags: splitList(e.target.value) })}
        />
      )}
      {value.scope === 'programs' && (
        <ProgramPicker label="Programs" value={value.programIds} onChange={(programIds) => onChange({ scope: 'programs', programIds })} />
      )}
    </Stack>
  );
}
