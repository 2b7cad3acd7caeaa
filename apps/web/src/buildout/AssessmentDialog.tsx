import { Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { BUILDOUT_KEY, ELEMENTS, elementLabel, type Gap, type MaturityTrend, type PmoElement } from './buildout-api';

interface Draft {
  included: boolean;
  currentState: string;
  currentLevel: number;
  futureState: string;
  futureLevel: number;
  effortWeeks: number;
}

/** A row per element, prefilled from its latest rating, so a re-assessment changes only what moved. */
function initialDrafts(gaps: Gap[]): Record<PmoElement, Draft> {
  return Object.fromEntries(
    ELEMENTS.map((element) => {
      const gap = gaps.find((g) => g.element === element);
      return [
        element,
        {
          included: false,
          currentState: gap?.currentState ?? '',
          currentLevel: gap?.currentLevel ?? 1,
          futureState: gap?.futureState ?? '',
          futureLevel: gap?.futureLevel ?? 3,
          effortWeeks: gap?.effortWeeks ?? 4,
        },
      ];
    }),
  ) as Record<PmoElement, Draft>;
}

function LevelField({ label, value, onChange, scale }: { label: string; value: number; onChange: (level: number) => void; scale: MaturityTrend['scale'] }) {
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(Number(e.target.value))} sx={{ minWidth: 170 }}>
      {scale.map((s) => (
        <MenuItem key={s.level} value={s.level}>
          {`${s.level} ${s.name}`}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Records a dated assessment of the current and future state of the elements ticked. */
export function AssessmentDialog({ gaps, scale, today, onClose }: { gaps: Gap[]; scale: MaturityTrend['scale']; today: string; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const [assessedOn, setAssessedOn] = useState(today);
  const [drafts, setDrafts] = useState(() => initialDrafts(gaps));
  const change = (element: PmoElement, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [element]: { ...d[element], ...patch } }));
  const record = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.POST('/buildout/assessments', {
          body: {
            assessedOn,
            elements: ELEMENTS.filter((e) => drafts[e].included).map((element) => {
              const { currentState, currentLevel, futureState, futureLevel, effortWeeks } = drafts[element];
              return { element, currentState, currentLevel, futureState, futureLevel, effortWeeks };
            }),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: BUILDOUT_KEY });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="assessment-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate();
        }}
      >
        <DialogTitle id="assessment-title">Record an assessment</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Assessed on" type="date" value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} required sx={{ maxWidth: 220 }} />
            {ELEMENTS.map((element) => {
              const draft = drafts[element];
              const name = elementLabel(element);
              return (
                <Box key={element} component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
                  <FormControlLabel
                    control={<Checkbox checked={draft.included} onChange={(e) => change(element, { included: e.target.checked })} />}
                    label={`Assess ${element}`}
                  />
                  {draft.included && (
                    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                      <TextField label={`${name}: current state`} value={draft.currentState} onChange={(e) => change(element, { currentState: e.target.value })} required sx={{ flex: 1, minWidth: 220 }} />
                      <LevelField label={`${name}: current level`} value={draft.currentLevel} onChange={(currentLevel) => change(element, { currentLevel })} scale={scale} />
                      <TextField label={`${name}: future state`} value={draft.futureState} onChange={(e) => change(element, { futureState: e.target.value })} required sx={{ flex: 1, minWidth: 220 }} />
                      <LevelField label={`${name}: future level`} value={draft.futureLevel} onChange={(futureLevel) => change(element, { futureLevel })} scale={scale} />
                      <TextField
                        label={`${name}: effort (person-weeks)`}
                        type="number"
                        value={draft.effortWeeks}
                        onChange={(e) => change(element, { effortWeeks: Number(e.target.value) })}
                        sx={{ width: 200 }}
                        slotProps={{ htmlInput: { min: 0 } }}
                      />
                    </Stack>
                  )}
                </Box>
              );
            })}
            <ApiErrorAlert error={record.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={record.isPending}>
            Record the assessment
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
