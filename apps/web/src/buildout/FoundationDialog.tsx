import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BUILDOUT_KEY, type Foundation } from './buildout-api';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Records the PMO's foundation, or changes it: one name a line for customers and stakeholders. */
export function FoundationDialog({ foundation, onClose }: { foundation: Foundation | null; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const [officeType, setOfficeType] = useState<Foundation['officeType']>(foundation?.officeType ?? 'portfolio');
  const [scope, setScope] = useState(foundation?.organisationalScope ?? '');
  const [sponsor, setSponsor] = useState(foundation?.sponsor ?? '');
  const [customers, setCustomers] = useState((foundation?.customers ?? []).join('\n'));
  const [stakeholders, setStakeholders] = useState((foundation?.stakeholders ?? []).join('\n'));
  const [capacity, setCapacity] = useState(String(foundation?.capacityPerWave ?? 12));
  const [changes, setChanges] = useState(String(foundation?.changesPerWave ?? 3));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.PUT('/buildout/foundation', {
          body: {
            officeType,
            organisationalScope: scope,
            sponsor,
            customers: lines(customers),
            stakeholders: lines(stakeholders),
            capacityPerWave: Number(capacity),
            changesPerWave: Number(changes),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: BUILDOUT_KEY });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="foundation-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <DialogTitle id="foundation-title">The PMO&rsquo;s foundation</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField select label="Office type" value={officeType} onChange={(e) => setOfficeType(e.target.value as Foundation['officeType'])}>
              <MenuItem value="project">Project office</MenuItem>
              <MenuItem value="program">Program office</MenuItem>
              <MenuItem value="portfolio">Portfolio office</MenuItem>
            </TextField>
            <TextField label="Organisational scope" value={scope} onChange={(e) => setScope(e.target.value)} required multiline minRows={2} />
            <TextField label="Sponsor" value={sponsor} onChange={(e) => setSponsor(e.target.value)} required />
            <TextField label="Customers" helperText="One a line" value={customers} onChange={(e) => setCustomers(e.target.value)} required multiline minRows={2} />
            <TextField label="Stakeholders" helperText="One a line" value={stakeholders} onChange={(e) => setStakeholders(e.target.value)} multiline minRows={2} />
            <TextField
              label="Capacity per wave (person-weeks)"
              type="number"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              required
              slotProps={{ htmlInput: { min: 1 } }}
            />
            <TextField
              label="Changes the organisation absorbs per wave"
              type="number"
              value={changes}
              onChange={(e) => setChanges(e.target.value)}
              required
              slotProps={{ htmlInput: { min: 1 } }}
            />
            <ApiErrorAlert error={save.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            Record the foundation
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
