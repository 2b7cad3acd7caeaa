import { Box, Button, Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { programLabel, usePrograms } from '../oversight/names';
import { useIsStrategicAdmin } from '../strategic/standards-api';
import { CommitteeDialog } from './CommitteeDialog';
import { useCommittees } from './committees-api';

/** The steering committees: who chairs them, what they steer, how often they meet. */
export default function CommitteesPage() {
  const isAdmin = useIsStrategicAdmin();
  const committees = useCommittees();
  const { byId } = usePrograms();
  const [creating, setCreating] = useState(false);
  return (
    <Box>
      <PageHeader
        title="Steering committees"
        subtitle="Committees decide what needs IT and business leadership: their agendas are built from what needs a decision in the programs they steer."
        actions={
          isAdmin && (
            <Button variant="contained" onClick={() => setCreating(true)}>
              Set up a committee
            </Button>
          )
        }
      />
      <ApiErrorAlert error={committees.error} />
      <Table size="small" aria-label="Steering committees">
        <TableHead>
          <TableRow>
            <TableCell>Committee</TableCell>
            <TableCell>Chair</TableCell>
            <TableCell>Cadence</TableCell>
            <TableCell>Programs</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(committees.data ?? []).map((c) => (
            <TableRow key={c.id}>
              <TableCell>
                <Link component={RouterLink} to={`/committees/${c.id}`}>
                  {c.name}
                </Link>
              </TableCell>
              <TableCell>{c.members.find((m) => m.role === 'chair')?.name}</TableCell>
              <TableCell>{c.cadence}</TableCell>
              <TableCell>{c.programIds.map((id) => programLabel(byId, id)).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {creating && <CommitteeDialog onClose={() => setCreating(false)} />}
    </Box>
  );
}
