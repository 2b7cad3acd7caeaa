import { Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, FormLabel, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BUILDOUT_KEY, type Offering } from './buildout-api';

const DAY = 86_400_000;
const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Plans the next wave: dates after the last one, an owner, and the unplanned items (the proposal ticked). */
export function WaveDialog({
  unplanned,
  proposed,
  startsAfter,
  onClose,
}: {
  unplanned: Offering[];
  proposed: string[];
  startsAfter: string;
  onClose: () => void;
}) {
  const pmo = usePmo();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [startsOn, setStartsOn] = useState(dayAfter(startsAfter, 1));
  const [endsOn, setEndsOn] = useState(dayAfter(startsAfter, 91));
  const [chosen, setChosen] = useState<string[]>(proposed);
  const plan = useMutation({
    mutationFn: () => unwrap(pmo.strategic.POST('/buildout/waves', { body: { name, owner, startsOn, endsOn, offeringIds: chosen } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: BUILDOUT_KEY });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="wave-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          plan.mutate();
        }}
      >
        <DialogTitle id="wave-title">Plan a wave</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Wave name" value={name} onChange={(e) => setName(e.target.value)} required />
            <TextField label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} required />
            <Stack direction="row" spacing={2}>
              <TextField label="Starts on" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
              <TextField label="Ends on" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} required />
            </Stack>
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <FormLabel component="legend">What it deploys</FormLabel>
              <FormGroup>
                {unplanned.map((o) => (
                  <FormControlLabel
                    key={o.id}
                    label={`${o.name} (priority ${o.priority}, ${o.effortWeeks} person-weeks)`}
                    control={
                      <Checkbox checked={chosen.includes(o.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, o.id] : c.filter((x) => x !== o.id)))} />
                    }
                  />
                ))}
              </FormGroup>
            </Box>
            <ApiErrorAlert error={plan.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={plan.isPending}>
            Plan the wave
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
