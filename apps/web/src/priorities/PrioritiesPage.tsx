import { Box, Button, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ChangeRankDialog } from './ChangeRankDialog';
import { PendingRequests } from './PendingRequests';
import { projectLabel, useHistory, usePrograms, useRanking, type RankingEntry } from './priorities-api';

const PORTFOLIO = 'portfolio';

/** The portfolio ranking or a program's, with criteria scores, a project's history, the change forms and the pending requests. */
export default function PrioritiesPage() {
  const session = useSession();
  const mayAct = hasAnyRole(session, ['strategic-admin', 'strategic-reviewer', 'program-manager']);
  const programs = usePrograms();
  const [which, setWhich] = useState<string>(PORTFOLIO);
  const [asOf, setAsOf] = useState('');
  const [editing, setEditing] = useState<RankingEntry | null>(null);
  const [historyOf, setHistoryOf] = useState<RankingEntry | null>(null);
  const programId = which === PORTFOLIO ? null : which;
  const ranking = useRanking(programId, asOf);
  const history = useHistory(historyOf?.projectId ?? null);
  const criteria = ranking.data?.policy?.criteria ?? [];
  const scope = programId ? 'program' : 'portfolio';
  return (
    <Box>
      <PageHeader title="Priorities" subtitle="Project ranks within their program and in the portfolio, changed only as the published priority policy allows." />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField select label="Ranking" value={which} onChange={(e) => setWhich(e.target.value)} sx={{ minWidth: 260 }}>
          <MenuItem value={PORTFOLIO}>Portfolio</MenuItem>
          {(programs.data ?? []).map((p) => (
            <MenuItem key={p.programId} value={p.programId}>{`Program ${p.name}`}</MenuItem>
          ))}
        </TextField>
        <TextField label="As of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      </Stack>
      <ApiErrorAlert error={ranking.error ?? programs.error} />
      <Typography sx={{ mb: 1 }}>
        {ranking.data?.policy
          ? `Policy in force: ${ranking.data.policy.title} ${ranking.data.policy.version} — criteria ${criteria.map((c) => `${c.label} ${c.weight}%`).join(', ')}`
          : 'No priority policy governs this ranking: its ranks cannot change until one is published.'}
      </Typography>
      <Table size="small" aria-label={`${programId ? 'Program' : 'Portfolio'} ranking`}>
        <TableHead>
          <TableRow>
            <TableCell>Rank</TableCell>
            <TableCell>Project</TableCell>
            {!programId && <TableCell>Program</TableCell>}
            {criteria.map((c) => (
              <TableCell key={c.key}>{c.label}</TableCell>
            ))}
            <TableCell>Weighted score</TableCell>
            <TableCell>Last change</TableCell>
            <TableCell>Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(ranking.data?.entries ?? []).map((entry) => (
            <TableRow key={entry.projectId}>
              <TableCell>{entry.rank}</TableCell>
              <TableCell component="th" scope="row">{projectLabel(entry)}</TableCell>
              {!programId && <TableCell>{entry.programCode ?? ''}</TableCell>}
              {criteria.map((c) => (
                <TableCell key={c.key}>{entry.scores[c.key] ?? '–'}</TableCell>
              ))}
              <TableCell>{entry.weightedScore ?? '–'}</TableCell>
              <TableCell>{entry.lastChangedAt ? `${entry.lastChangedAt.slice(0, 10)}: ${entry.lastReason ?? ''}` : '–'}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={() => setHistoryOf(entry)} aria-label={`History of ${entry.name}`}>
                    History
                  </Button>
                  {mayAct && !asOf && ranking.data?.policy && (
                    <Button size="small" variant="outlined" onClick={() => setEditing(entry)} aria-label={`Change the rank of ${entry.name}`}>
                      Change
                    </Button>
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {historyOf && (
        <Box component="section" aria-labelledby="history-heading" sx={{ mt: 3 }}>
          <Typography id="history-heading" variant="h6" component="h2">{`History of ${historyOf.name}`}</Typography>
          <ApiErrorAlert error={history.error} />
          <Table size="small" aria-label={`History of ${historyOf.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Ranking</TableCell>
                <TableCell>From → to</TableCell>
                <TableCell>Scores</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>Why</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(history.data ?? []).map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.changedAt.slice(0, 16).replace('T', ' ')}</TableCell>
                  <TableCell>{c.scope}</TableCell>
                  <TableCell>{`${c.fromRank} → ${c.toRank}`}</TableCell>
                  <TableCell>{`${Object.entries(c.scores)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')} (weighted ${c.weightedScore})`}</TableCell>
                  <TableCell>{c.changedByName}</TableCell>
                  <TableCell>{c.requestId ? `${c.reason} (asked for, approved)` : c.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <PendingRequests canDecide={mayAct} />
      {editing && ranking.data && <ChangeRankDialog entry={editing} scope={scope} ranking={ranking.data} onClose={() => setEditing(null)} />}
    </Box>
  );
}
