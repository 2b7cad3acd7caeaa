import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PRIORITIES_KEY, type Ranking, type RankingEntry, type Scope } from './priorities-api';

/** Changes a project's rank directly, or asks for the change, with a score per criterion of the policy and a reason. */
export function ChangeRankDialog({ entry, scope, ranking, onClose }: { entry: RankingEntry; scope: Scope; ranking: Ranking; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const criteria = ranking.policy?.criteria ?? [];
  const [rank, setRank] = useState(String(entry.rank));
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(criteria.map((c) => [c.key, String(entry.scores[c.key] ?? 5)])));
  const [reason, setReason] = useState('');
  const body = () => ({ projectId: entry.projectId, scope, rank: Number(rank), reason, scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])) });
  const done = async () => {
    await client.invalidateQueries({ queryKey: PRIORITIES_KEY });
    onClose();
  };
  const change = useMutation({ mutationFn: () => unwrap(pmo.strategic.POST('/priorities/changes', { body: body() })), onSuccess: done });
  const ask = useMutation({ mutationFn: () => unwrap(pmo.strategic.POST('/priorities/requests', { body: body() })), onSuccess: done });
  const rule = ranking.policy?.rule;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="rank-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          ask.reset();
          change.mutate();
        }}
      >
        <DialogTitle id="rank-title">{`${scope === 'portfolio' ? 'Portfolio' : 'Program'} rank of ${entry.name}`}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {rule && (
              <DialogContentText>
                {`Under ${ranking.policy?.title} ${ranking.policy?.version}: ${rule.changeRoles.join(', ') || 'no role'} may change it directly${
                  rule.maxMove === null ? '' : ` by at most ${rule.maxMove} place(s)`
                }; ${rule.askRoles.join(', ') || 'no role'} may ask; ${rule.decideRoles.join(', ') || 'no role'} decide.`}
              </DialogContentText>
            )}
            <TextField label="New rank" type="number" value={rank} onChange={(e) => setRank(e.target.value)} required slotProps={{ htmlInput: { min: 1 } }} />
            {criteria.map((c) => (
              <TextField
                key={c.key}
                label={`${c.label} (0–10, weight ${c.weight}%)`}
                type="number"
                value={scores[c.key] ?? ''}
                onChange={(e) => setScores((s) => ({ ...s, [c.key]: e.target.value }))}
                required
                slotProps={{ htmlInput: { min: 0, max: 10 } }}
              />
            ))}
            <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={2} />
            <ApiErrorAlert error={change.error ?? ask.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            disabled={ask.isPending || reason === ''}
            onClick={() => {
              change.reset();
              ask.mutate();
            }}
          >
            Ask for this change
          </Button>
          <Button type="submit" variant="contained" disabled={change.isPending}>
            Change rank
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
