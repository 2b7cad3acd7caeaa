import { Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { keys, type Standard } from './standards-api';

/** The variance and grandfathering policies of a standard: the admin changes them, others read them. */
export function PoliciesPanel({ standard, editable }: { standard: Standard; editable: boolean }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const path = { standardId: standard.id };
  const [months, setMonths] = useState(String(standard.variancePolicy.longestVarianceMonths));
  const [sla, setSla] = useState(String(standard.variancePolicy.decisionSlaBusinessDays));
  const [threshold, setThreshold] = useState(String(standard.grandfatheringPolicy.thresholdPercent));
  const onSuccess = (saved: Standard) => queryClient.setQueryData(keys.standard(standard.id), saved);
  const variance = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.PUT('/standards/{standardId}/variance-policy', {
          params: { path },
          body: { longestVarianceMonths: Number(months), decisionSlaBusinessDays: Number(sla) },
        }),
      ),
    onSuccess,
  });
  const grandfathering = useMutation({
    mutationFn: () =>
      unwrap(pmo.strategic.PUT('/standards/{standardId}/grandfathering-policy', { params: { path }, body: { thresholdPercent: Number(threshold) } })),
    onSuccess,
  });
  const readOnly = { readOnly: !editable };
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <Paper component="section" aria-labelledby="variance-policy-heading" variant="outlined" sx={{ p: 2, flex: 1 }}>
        <Typography variant="h5" component="h2" id="variance-policy-heading" gutterBottom>
          Variance policy
        </Typography>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            variance.mutate();
          }}
        >
          <Stack spacing={2}>
            <TextField
              label="Longest variance (months)"
              type="number"
              value={months}
              onChange={(e) => setMonths(e.target.value)}
              slotProps={{ htmlInput: readOnly }}
            />
            <TextField
              label="Decision SLA (business days)"
              type="number"
              value={sla}
              onChange={(e) => setSla(e.target.value)}
              slotProps={{ htmlInput: readOnly }}
            />
            <ApiErrorAlert error={variance.error} />
            {variance.isSuccess && <Typography role="status">Variance policy saved.</Typography>}
            {editable && (
              <div>
                <Button type="submit" variant="outlined" loading={variance.isPending}>
                  Save variance policy
                </Button>
              </div>
            )}
          </Stack>
        </form>
      </Paper>
      <Paper component="section" aria-labelledby="grandfathering-heading" variant="outlined" sx={{ p: 2, flex: 1 }}>
        <Typography variant="h5" component="h2" id="grandfathering-heading" gutterBottom>
          Grandfathering policy
        </Typography>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            grandfathering.mutate();
          }}
        >
          <Stack spacing={2}>
            <TextField
              label="Threshold (percent complete)"
              type="number"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              helperText="From this percent complete a project may keep its version; a closing project always may."
              slotProps={{ htmlInput: readOnly }}
            />
            <ApiErrorAlert error={grandfathering.error} />
            {grandfathering.isSuccess && <Typography role="status">Grandfathering policy saved.</Typography>}
            {editable && (
              <div>
                <Button type="submit" variant="outlined" loading={grandfathering.isPending}>
                  Save grandfathering policy
                </Button>
              </div>
            )}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
