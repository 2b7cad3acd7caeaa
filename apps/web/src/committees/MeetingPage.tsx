import { Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, FormGroup, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { programLabel, usePrograms } from '../oversight/names';
import { COMMITTEES_KEY, useCommittee, useDownload, useMeeting, type AgendaItem } from './committees-api';
import { DecisionDialog } from './DecisionDialog';

const SOURCE_LABELS: Record<string, string> = {
  'late-variance': 'Late variance',
  'variance-review': 'Approval needs review',
  'accepted-feedback': 'Accepted feedback',
  'overdue-adoption': 'Overdue adoption',
  'red-status-report': 'Red status report',
  'priority-change': 'Priority change asked for',
};

function AgendaCard({ item, programName, onDecide }: { item: AgendaItem; programName: string; onDecide?: () => void }) {
  const headingId = `item-${item.id}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Chip size="small" label={SOURCE_LABELS[item.source] ?? item.source} />
          <Chip size="small" variant="outlined" label={item.state} />
        </Stack>
        <Typography id={headingId} variant="subtitle1" component="h3">
          {item.position}. {item.title}
        </Typography>
        <Typography color="text.secondary">
          {programName}: {item.detail}
        </Typography>
        {item.decision ? (
          <Typography sx={{ mt: 1 }}>
            Decision: <strong>{item.decision.outcome}</strong> by {item.decision.decidedByName}: {item.decision.reason}. Effect: {item.decision.effect}.
          </Typography>
        ) : (
          onDecide && (
            <Button sx={{ mt: 1 }} variant="outlined" onClick={onDecide}>
              Record a decision
            </Button>
          )
        )}
      </CardContent>
    </Card>
  );
}

/** Who of the members was present, saved by a member while the meeting is open. */
function Attendance({
  committeeId,
  meetingId,
  members,
  present,
  canChange,
}: {
  committeeId: string;
  meetingId: string;
  members: { username: string; name: string }[];
  present: string[];
  canChange: boolean;
}) {
  const pmo = usePmo();
  const client = useQueryClient();
  const [chosen, setChosen] = useState(present);
  useEffect(() => setChosen(present), [present]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.PUT('/committees/{committeeId}/meetings/{meetingId}/attendance', {
          params: { path: { committeeId, meetingId } },
          body: { present: chosen },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: COMMITTEES_KEY }),
  });
  return (
    <Box component="section" aria-labelledby="attendance-heading" sx={{ mb: 3 }}>
      <Typography id="attendance-heading" variant="h6" component="h2">
        Attendance
      </Typography>
      <FormGroup row>
        {members.map((m) => (
          <FormControlLabel
            key={m.username}
            label={`${m.name} present`}
            control={
              <Checkbox
                disabled={!canChange}
                checked={chosen.includes(m.username)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, m.username] : chosen.filter((u) => u !== m.username))}
              />
            }
          />
        ))}
      </FormGroup>
      {canChange && (
        <Button variant="outlined" onClick={() => save.mutate()} disabled={save.isPending}>
          Save attendance
        </Button>
      )}
      <ApiErrorAlert error={save.error} />
    </Box>
  );
}

/** A meeting: attendance, the agenda built from what needs a decision, the decisions, and the minutes. */
export default function MeetingPage() {
  const { committeeId = '', meetingId = '' } = useParams();
  const pmo = usePmo();
  const client = useQueryClient();
  const session = useSession();
  const download = useDownload();
  const committee = useCommittee(committeeId);
  const meeting = useMeeting(committeeId, meetingId);
  const { byId } = usePrograms();
  const [deciding, setDeciding] = useState<AgendaItem | null>(null);
  const [summary, setSummary] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const ids = { params: { path: { committeeId, meetingId } } };
  const build = useMutation({
    mutationFn: () => unwrap(pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/agenda', ids)),
    onSuccess: () => client.invalidateQueries({ queryKey: COMMITTEES_KEY }),
  });
  const close = useMutation({
    mutationFn: () => unwrap(pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/close', { ...ids, body: { summary } })),
    onSuccess: () => client.invalidateQueries({ queryKey: COMMITTEES_KEY }),
  });
  const m = meeting.data;
  // Stable while the query's data is: the attendance form resets only when the stored attendance changes.
  const present = useMemo(() => (m?.attendance ?? []).filter((a) => a.present).map((a) => a.username), [m?.attendance]);
  const members = committee.data?.members ?? [];
  const isMember = members.some((x) => x.username === session.username) && hasAnyRole(session, ['strategic-admin', 'strategic-reviewer']);
  const open = m?.state === 'scheduled';
  const base = `/committees/${committeeId}/meetings/${meetingId}`;
  const save = (path: string, accept: string, fileName: string) => {
    setDownloadError(null);
    download(path, accept, fileName).catch(setDownloadError);
  };
  return (
    <Box>
      <PageHeader
        title={m ? `${m.committeeName}: meeting of ${m.scheduledOn}` : 'Meeting'}
        subtitle={
          m
            ? open
              ? 'Scheduled: its agenda is built from what needs a decision in the programs the committee steers.'
              : `Closed: the minutes are final.`
            : undefined
        }
        actions={
          isMember &&
          open && (
            <Button variant="contained" onClick={() => build.mutate()} disabled={build.isPending}>
              Build the agenda
            </Button>
          )
        }
      />
      <ApiErrorAlert error={meeting.error ?? build.error} />
      {m && (
        <>
          <Attendance committeeId={committeeId} meetingId={meetingId} members={members} present={present} canChange={isMember && open} />
          <Box component="section" aria-labelledby="agenda-heading" sx={{ mb: 3 }}>
            <Typography id="agenda-heading" variant="h6" component="h2">
              Agenda
            </Typography>
            {m.items.length === 0 && (
              <Typography color="text.secondary">{m.agendaBuiltAt ? 'Nothing needs a decision.' : 'The agenda is not built yet.'}</Typography>
            )}
            <Stack spacing={2}>
              {m.items.map((item) => (
                <AgendaCard
                  key={item.id}
                  item={item}
                  programName={programLabel(byId, item.programId)}
                  onDecide={isMember && open ? () => setDeciding(item) : undefined}
                />
              ))}
            </Stack>
          </Box>
          <Box component="section" aria-labelledby="minutes-heading">
            <Typography id="minutes-heading" variant="h6" component="h2">
              Minutes
            </Typography>
            {m.summary && <Typography sx={{ mb: 1 }}>Summary: {m.summary}</Typography>}
            <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
              <Button variant="outlined" onClick={() => save(`${base}/minutes`, 'text/markdown', `minutes-${m.scheduledOn}.md`)}>
                Download the minutes (Markdown)
              </Button>
              <Button variant="outlined" onClick={() => save(`${base}/decision-log`, 'text/csv', `decisions-${m.scheduledOn}.csv`)}>
                Download the decision log (CSV)
              </Button>
            </Stack>
            <ApiErrorAlert error={downloadError} />
            {isMember && open && (
              <Box
                component="form"
                aria-label="Close the minutes"
                onSubmit={(e) => {
                  e.preventDefault();
                  close.mutate();
                }}
              >
                <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                  <TextField
                    label="Summary of the minutes"
                    value={summary}
                    onChange={(e) => setSummary(e.target.value)}
                    required
                    multiline
                    sx={{ flexGrow: 1 }}
                  />
                  <Button type="submit" variant="contained" disabled={close.isPending}>
                    Close the minutes
                  </Button>
                </Stack>
                <ApiErrorAlert error={close.error} />
              </Box>
            )}
          </Box>
        </>
      )}
      {deciding && <DecisionDialog committeeId={committeeId} meetingId={meetingId} item={deciding} onClose={() => setDeciding(null)} />}
    </Box>
  );
}
