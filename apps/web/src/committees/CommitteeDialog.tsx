import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { usePrograms } from '../oversight/names';
import { COMMITTEES_KEY } from './committees-api';

const CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
const ROLES = ['chair', 'secretary', 'member'] as const;
type Member = { username: string; name: string; role: (typeof ROLES)[number] };
type Committee = StrategicPmoSchemas['schemas']['CommitteeResponse'];

/**
 * Sets up a committee: name, cadence, the programs it steers, and its members (platform users) with their roles.
 * Given a committee, changes it instead: the same fields but the name, which stays.
 */
export function CommitteeDialog({ committee, onClose }: { committee?: Committee; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const { programs } = usePrograms();
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<(typeof CADENCES)[number]>(committee?.cadence ?? 'monthly');
  const [programIds, setProgramIds] = useState<string[]>(committee?.programIds ?? []);
  const [members, setMembers] = useState<Member[]>(committee?.members.map((m) => ({ ...m })) ?? [{ username: '', name: '', role: 'chair' }]);
  const setMember = (i: number, change: Partial<Member>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...change } : m)));
  const create = useMutation({
    mutationFn: () =>
      committee
        ? unwrap(pmo.strategic.PUT('/committees/{committeeId}', { params: { path: { committeeId: committee.id } }, body: { cadence, programIds, members } }))
        : unwrap(pmo.strategic.POST('/committees', { body: { name, cadence, programIds, members } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: COMMITTEES_KEY });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="committee-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <DialogTitle id="committee-title">{committee ? `Change ${committee.name}` : 'Set up a steering committee'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {!committee && <TextField label="Committee name" value={name} onChange={(e) => setName(e.target.value)} required />}
            <TextField select label="Cadence" value={cadence} onChange={(e) => setCadence(e.target.value as (typeof CADENCES)[number])}>
              {CADENCES.map((c) => (
                <MenuItem key={c} value={c}>
                  {c}
                </MenuItem>
              ))}
            </TextField>
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <FormLabel component="legend">Programs it steers</FormLabel>
              <FormGroup row>
                {programs.map((p) => (
                  <FormControlLabel
                    key={p.programId}
                    label={p.name}
                    control={
                      <Checkbox
                        checked={programIds.includes(p.programId)}
                        onChange={(e) => setProgramIds(e.target.checked ? [...programIds, p.programId] : programIds.filter((id) => id !== p.programId))}
                      />
                    }
                  />
                ))}
              </FormGroup>
            </Box>
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <FormLabel component="legend">Members (platform users; exactly one chair)</FormLabel>
              <Stack spacing={1} sx={{ mt: 1 }}>
                {members.map((m, i) => (
                  <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <TextField
                      size="small"
                      label={`Username of member ${i + 1}`}
                      value={m.username}
                      onChange={(e) => setMember(i, { username: e.target.value })}
                      required
                    />
                    <TextField
                      size="small"
                      label={`Name of member ${i + 1}`}
                      value={m.name}
                      onChange={(e) => setMember(i, { name: e.target.value })}
                      required
                    />
                    <TextField
                      select
                      size="small"
                      label={`Role of member ${i + 1}`}
                      value={m.role}
                      onChange={(e) => setMember(i, { role: e.target.value as Member['role'] })}
                      sx={{ minWidth: 140 }}
                    >
                      {ROLES.map((r) => (
                        <MenuItem key={r} value={r}>
                          {r}
                        </MenuItem>
                      ))}
                    </TextField>
                    {members.length > 1 && (
                      <IconButton aria-label={`Remove member ${i + 1}`} onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                        ×
                      </IconButton>
                    )}
                  </Stack>
                ))}
                <Box>
                  <Button onClick={() => setMembers([...members, { username: '', name: '', role: 'member' }])}>Add a member</Button>
                </Box>
              </Stack>
            </Box>
            <ApiErrorAlert error={create.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            {committee ? 'Save the changes' : 'Set up'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
