import { Box, Button, FormControl, FormControlLabel, FormLabel, IconButton, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { RefusalAlert } from './RefusalAlert';

type Case = StrategicPmoSchemas['schemas']['VarianceCaseViewResponse'];
type Outcome = 'approved' | 'approved-with-conditions' | 'rejected';
interface ConditionDraft {
  text: string;
  owner: string;
  dueOn: string;
}

/** Mutations on one variance that refresh the queue, this case and the compliance figures they change. */
function useCaseAction<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['variances'] }), client.invalidateQueries({ queryKey: ['portfolio'] })]);
    },
  });
}

function ActionBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="h6" component="h3" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** The actions the API offers on this case for the signed-in role, in the state the case is in. */
export function VarianceActions({ variance }: { variance: Case }) {
  const session = useSession();
  const reviewer = hasAnyRole(session, ['strategic-reviewer', 'strategic-admin']);
  const admin = hasAnyRole(session, ['strategic-admin']);
  const inForce = variance.state === 'approved' || variance.state === 'approved-with-conditions';
  const renewal = variance.renewals.at(-1);
  const boxes = [
    reviewer && variance.state === 'submitted' && <StartReview key="review" variance={variance} />,
    admin && variance.state === 'under-review' && <Decide key="decide" variance={variance} />,
    reviewer && variance.state === 'approved-with-conditions' && variance.conditions.some((c) => !c.metAt) && (
      <Conditions key="conditions" variance={variance} />
    ),
    reviewer && inForce && variance.needsReview && <ReasonAction key="confirm" variance={variance} kind="confirm" />,
    reviewer && inForce && <ReasonAction key="revoke" variance={variance} kind="revoke" />,
    reviewer && inForce && renewal?.state === 'submitted' && <RenewalReview key="renewal-review" variance={variance} renewal={renewal.renewal} />,
    admin && inForce && renewal?.state === 'under-review' && <RenewalDecide key="renewal-decide" variance={variance} renewal={renewal.renewal} />,
  ].filter(Boolean);
  if (!reviewer) return <Typography color="text.secondary">Your role reads variances; reviewing and deciding are the strategic PMO's.</Typography>;
  if (boxes.length === 0) return <Typography color="text.secondary">Nothing to do on this variance in its state ({variance.state}).</Typography>;
  return <Stack spacing={2}>{boxes}</Stack>;
}

function StartReview({ variance }: { variance: Case }) {
  const pmo = usePmo();
  const review = useCaseAction(() => unwrap(pmo.strategic.POST('/variances/{varianceId}/review', { params: { path: { varianceId: variance.id } } })));
  return (
    <ActionBox title="Review">
      <Typography gutterBottom>Take the request into review (submitted → under-review); a strategic admin then decides it.</Typography>
      <Button variant="contained" onClick={() => review.mutate(undefined)} disabled={review.isPending}>
        Start review
      </Button>
      <Box sx={{ mt: 1 }}>
        <RefusalAlert error={review.error} />
      </Box>
    </ActionBox>
  );
}

function Decide({ variance }: { variance: Case }) {
  const pmo = usePmo();
  const [outcome, setOutcome] = useState<Outcome>('approved-with-conditions');
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState<ConditionDraft[]>([{ text: '', owner: '', dueOn: '' }]);
  const decide = useCaseAction(() =>
    unwrap(
      pmo.strategic.POST('/variances/{varianceId}/decide', {
        params: { path: { varianceId: variance.id } },
        body: { outcome, reason, ...(outcome === 'approved-with-conditions' ? { conditions } : {}) },
      }),
    ),
  );
  const change = (index: number, field: keyof ConditionDraft, value: string) =>
    setConditions((all) => all.map((c, i) => (i === index ? { ...c, [field]: value } : c)));
  return (
    <ActionBox title="Decide">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate(undefined);
        }}
      >
        <Stack spacing={2}>
          <FormControl>
            <FormLabel id="decision-outcome">Outcome</FormLabel>
            <RadioGroup row aria-labelledby="decision-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
              <FormControlLabel value="approved" control={<Radio />} label="Approve" />
              <FormControlLabel value="approved-with-conditions" control={<Radio />} label="Approve with conditions" />
              <FormControlLabel value="rejected" control={<Radio />} label="Reject" />
            </RadioGroup>
          </FormControl>
          <TextField label="Reason for the decision" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} required />
          {outcome === 'approved-with-conditions' && (
            <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2">
                Conditions (numbered C1, C2, … in the decision)
              </Typography>
              {conditions.map((c, i) => (
                <Stack key={i} spacing={1} sx={{ pb: 1, borderBottom: 1, borderColor: 'divider' }}>
                  <TextField label={`Condition ${i + 1}`} value={c.text} onChange={(e) => change(i, 'text', e.target.value)} required size="small" multiline />
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <TextField
                      label={`Condition ${i + 1} owner`}
                      value={c.owner}
                      onChange={(e) => change(i, 'owner', e.target.value)}
                      required
                      sx={{ flex: 1 }}
                      size="small"
                    />
                    <TextField
                      label={`Condition ${i + 1} due on`}
                      type="date"
                      value={c.dueOn}
                      onChange={(e) => change(i, 'dueOn', e.target.value)}
                      required
                      size="small"
                      slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <IconButton
                      aria-label={`Remove condition ${i + 1}`}
                      onClick={() => setConditions((all) => all.filter((_, j) => j !== i))}
                      disabled={conditions.length === 1}
                    >
                      ×
                    </IconButton>
                  </Stack>
                </Stack>
              ))}
              <Box>
                <Button onClick={() => setConditions((all) => [...all, { text: '', owner: '', dueOn: '' }])}>Add a condition</Button>
              </Box>
            </Stack>
          )}
          <Box>
            <Button type="submit" variant="contained" disabled={decide.isPending}>
              Record the decision
            </Button>
          </Box>
          <RefusalAlert error={decide.error} />
        </Stack>
      </Box>
    </ActionBox>
  );
}

function Conditions({ variance }: { variance: Case }) {
  const pmo = usePmo();
  const done = useCaseAction((conditionId: string) =>
    unwrap(pmo.strategic.POST('/variances/{varianceId}/conditions/{conditionId}/done', { params: { path: { varianceId: variance.id, conditionId } } })),
  );
  return (
    <ActionBox title="Conditions to tick off">
      <Stack spacing={1}>
        {variance.conditions
          .filter((c) => !c.metAt)
          .map((c) => (
            <Stack key={c.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography sx={{ flexGrow: 1 }}>
                {c.id}: {c.text} ({c.owner}, due {c.dueOn})
              </Typography>
              <Button variant="outlined" onClick={() => done.mutate(c.id)} disabled={done.isPending}>
                Mark {c.id} done
              </Button>
            </Stack>
          ))}
        <RefusalAlert error={done.error} />
      </Stack>
    </ActionBox>
  );
}

const REASON_ACTIONS = {
  confirm: {
    title: 'Confirm on the new ground',
    text: 'The ground of this approval changed; confirming it records a new decision on the new ground.',
    button: 'Confirm the approval',
  },
  revoke: {
    title: 'Revoke',
    text: 'Revoking ends the approval now: its projects return to what applies without it.',
    button: 'Revoke the approval',
  },
} as const;

function ReasonAction({ variance, kind }: { variance: Case; kind: keyof typeof REASON_ACTIONS }) {
  const pmo = usePmo();
  const [reason, setReason] = useState('');
  const act = useCaseAction(() =>
    unwrap(
      kind === 'confirm'
        ? pmo.strategic.POST('/variances/{varianceId}/confirm', { params: { path: { varianceId: variance.id } }, body: { reason } })
        : pmo.strategic.POST('/variances/{varianceId}/revoke', { params: { path: { varianceId: variance.id } }, body: { reason } }),
    ),
  );
  const copy = REASON_ACTIONS[kind];
  return (
    <ActionBox title={copy.title}>
      <Typography gutterBottom>{copy.text}</Typography>
      <Stack
        direction="row"
        spacing={2}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          act.mutate(undefined);
        }}
      >
        <TextField label={`Reason to ${kind}`} value={reason} onChange={(e) => setReason(e.target.value)} required size="small" sx={{ flexGrow: 1 }} />
        <Button type="submit" variant="outlined" color={kind === 'revoke' ? 'error' : 'primary'} disabled={act.isPending}>
          {copy.button}
        </Button>
      </Stack>
      <Box sx={{ mt: 1 }}>
        <RefusalAlert error={act.error} />
      </Box>
    </ActionBox>
  );
}

function RenewalReview({ variance, renewal }: { variance: Case; renewal: number }) {
  const pmo = usePmo();
  const review = useCaseAction(() => unwrap(pmo.strategic.POST('/variances/{varianceId}/renewal/review', { params: { path: { varianceId: variance.id } } })));
  return (
    <ActionBox title={`Renewal ${renewal}: review`}>
      <Button variant="contained" onClick={() => review.mutate(undefined)} disabled={review.isPending}>
        Start reviewing renewal {renewal}
      </Button>
      <Box sx={{ mt: 1 }}>
        <RefusalAlert error={review.error} />
      </Box>
    </ActionBox>
  );
}

function RenewalDecide({ variance, renewal }: { variance: Case; renewal: number }) {
  const pmo = usePmo();
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const [reason, setReason] = useState('');
  const decide = useCaseAction(() =>
    unwrap(pmo.strategic.POST('/variances/{varianceId}/renewal/decide', { params: { path: { varianceId: variance.id } }, body: { outcome, reason } })),
  );
  return (
    <ActionBox title={`Renewal ${renewal}: decide`}>
      <Stack
        spacing={2}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate(undefined);
        }}
      >
        <FormControl>
          <FormLabel id="renewal-outcome">Renewal outcome</FormLabel>
          <RadioGroup row aria-labelledby="renewal-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as 'approved' | 'rejected')}>
            <FormControlLabel value="approved" control={<Radio />} label="Approve the new end date" />
            <FormControlLabel value="rejected" control={<Radio />} label="Reject the renewal" />
          </RadioGroup>
        </FormControl>
        <TextField label="Reason for the renewal decision" value={reason} onChange={(e) => setReason(e.target.value)} required />
        <Box>
          <Button type="submit" variant="contained" disabled={decide.isPending}>
            Record the renewal decision
          </Button>
        </Box>
        <RefusalAlert error={decide.error} />
      </Stack>
    </ActionBox>
  );
}
