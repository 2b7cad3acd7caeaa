import { Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, FormLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BUILDOUT_KEY, elementLabel, type Gap, type PmoElement } from './buildout-api';

/** Adds a product or service to the catalogue, linked to the open gaps it closes. */
export function OfferingDialog({ gaps, onClose }: { gaps: Gap[]; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'product' | 'service'>('service');
  const [description, setDescription] = useState('');
  const [closes, setCloses] = useState<PmoElement[]>([]);
  const [priority, setPriority] = useState(2);
  const [effort, setEffort] = useState('4');
  const open = gaps.filter((g) => g.size > 0);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.POST('/buildout/offerings', {
          body: { name, kind, description, closesGaps: closes, priority, effortWeeks: Number(effort) },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: BUILDOUT_KEY });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="offering-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <DialogTitle id="offering-title">Add a product or service</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required />
            <TextField select label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'product' | 'service')}>
              <MenuItem value="product">Product (tangible, like the methodology)</MenuItem>
              <MenuItem value="service">Service (like training)</MenuItem>
            </TextField>
            <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} required multiline minRows={2} />
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <FormLabel component="legend">Gaps it closes</FormLabel>
              <FormGroup row>
                {open.map((gap) => (
                  <FormControlLabel
                    key={gap.element}
                    label={`${elementLabel(gap.element)} (gap ${gap.size})`}
                    control={
                      <Checkbox
                        checked={closes.includes(gap.element)}
                        onChange={(e) => setCloses((c) => (e.target.checked ? [...c, gap.element] : c.filter((x) => x !== gap.element)))}
                      />
                    }
                  />
                ))}
              </FormGroup>
            </Box>
            <TextField select label="Priority" value={priority} onChange={(e) => setPriority(Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((p) => (
                <MenuItem key={p} value={p}>
                  {p === 1 ? '1 (most urgent)' : String(p)}
                </MenuItem>
              ))}
            </TextField>
            <TextField label="Effort (person-weeks)" type="number" value={effort} onChange={(e) => setEffort(e.target.value)} required slotProps={{ htmlInput: { min: 1 } }} />
            <ApiErrorAlert error={add.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={add.isPending}>
            Add to the catalogue
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
