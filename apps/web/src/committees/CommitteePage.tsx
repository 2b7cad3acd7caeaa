import { Box, Button, Link, List, ListItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useToday } from '../buildout/buildout-api';
import { programLabel, usePrograms } from '../oversight/names';
import { useIsStrategicAdmin } from '../strategic/standards-api';
import { CommitteeDialog } from './CommitteeDialog';
import { COMMITTEES_KEY, useCommittee } from './committees-api';

/** Schedules a meeting (or records one already held), for a member of the committee. */
function ScheduleMeeting({ committeeId }: { committeeId: string }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const navigate = useNavigate();
  const today = useToday();
  // Today on the platform's clock until the member picks another day (the clock may still be loading at first).
  const [picked, setPicked] = useState('');
  const scheduledOn = picked || today;
  const schedule = useMutation({
    mutationFn: () => unwrap(pmo.strategic.POST('/committees/{committeeId}/meetings', { params: { path: { committeeId } }, body: { scheduledOn } })),
    onSuccess: async (meeting) => {
      await client.invalidateQueries({ queryKey: COMMITTEES_KEY });
      void navigate(`/committees/${committeeId}/meetings/${meeting.id}`);
    },
  });
  return (
    <Box
      component="form"
      aria-label="Schedule a meeting"
      onSubmit={(e) => {
        e.preventDefault();
        schedule.mutate();
      }}
      sx={{ my: 2 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField size="small" type="date" label="Meeting day" value={scheduledOn} onChange={(e) => setPicked(e.target.value)} required />
        <Button type="submit" variant="contained" disabled={schedule.isPending}>
          Schedule a meeting
        </Button>
      </Stack>
      <ApiErrorAlert error={schedule.error} />
    </Box>
  );
}

/** A committee: its members and roles, the programs it steers, its cadence and meetings. */
export default function CommitteePage() {
  const { committeeId = '' } = useParams();
  const session = useSession();
  const committee = useCommittee(committeeId);
  const { byId } = usePrograms();
  const c = committee.data;
  const isMember = !!c?.members.some((m) => m.username === session.username) && hasAnyRole(session, ['strategic-admin', 'strategic-reviewer']);
  const isAdmin = useIsStrategicAdmin();
  const [changing, setChanging] = useState(false);
  return (
    <Box>
      <PageHeader
        title={c?.name ?? 'Steering committee'}
        subtitle={c ? `Meets ${c.cadence}.` : undefined}
        actions={
          c &&
          isAdmin && (
            <Button variant="outlined" onClick={() => setChanging(true)}>
              Change the committee
            </Button>
          )
        }
      />
      {c && changing && <CommitteeDialog committee={c} onClose={() => setChanging(false)} />}
      <ApiErrorAlert error={committee.error} />
      {c && (
        <>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
            <Box component="section" aria-labelledby="members-heading">
              <Typography id="members-heading" variant="h6" component="h2">
                Members
              </Typography>
              <List dense>
                {c.members.map((m) => (
                  <ListItem key={m.username} disableGutters>
                    {m.name} ({m.username}), {m.role}
                  </ListItem>
                ))}
              </List>
            </Box>
            <Box component="section" aria-labelledby="programs-heading">
              <Typography id="programs-heading" variant="h6" component="h2">
                Programs it steers
              </Typography>
              <List dense>
                {c.programIds.map((id) => (
                  <ListItem key={id} disableGutters>
                    {programLabel(byId, id)}
                  </ListItem>
                ))}
              </List>
            </Box>
          </Stack>
          <Box component="section" aria-labelledby="meetings-heading">
            <Typography id="meetings-heading" variant="h6" component="h2">
              Meetings
            </Typography>
            {isMember && <ScheduleMeeting committeeId={committeeId} />}
            <Table size="small" aria-label="Meetings">
              <TableHead>
                <TableRow>
                  <TableCell>Day</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell>Present</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.meetings.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>
                      <Link component={RouterLink} to={`/committees/${committeeId}/meetings/${m.id}`}>
                        {m.scheduledOn}
                      </Link>
                    </TableCell>
                    <TableCell>{m.state}</TableCell>
                    <TableCell>
                      {m.attendance.filter((a) => a.present).length} of {m.attendance.length}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Box>
  );
}
