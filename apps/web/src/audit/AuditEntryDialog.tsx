import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';

type Entry = StrategicPmoSchemas['schemas']['AuditEntryResponse'];
type Json = Record<string, unknown> | null | undefined;

/** The top-level fields whose value differs between before and after, in the order they first appear. */
function changedFields(before: Json, after: Json): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
}

function shown(value: unknown): string {
  return value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
}

function Snapshot({ title, value }: { title: string; value: Json }) {
  const id = `audit-${title.toLowerCase()}`;
  return (
    <Box component="section" aria-labelledby={id} sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" id={id}>
        {title}
      </Typography>
      <Box component="pre" tabIndex={0} sx={{ m: 0, p: 1, bgcolor: 'grey.100', overflow: 'auto', maxHeight: 360, fontSize: 12 }}>
        {value ? JSON.stringify(value, null, 2) : title === 'Before' ? 'nothing: the entry records a creation' : 'nothing'}
      </Box>
    </Box>
  );
}

/** One audit entry: who did what and why, the fields it changed, and the entity before and after, side by side. */
export function AuditEntryDialog({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const before = entry.before as Json;
  const after = entry.after as Json;
  const changed = changedFields(before, after);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="audit-entry-title">
      <DialogTitle id="audit-entry-title">
        Audit entry {entry.seq}: {entry.action}
      </DialogTitle>
      <DialogContent>
        <Typography gutterBottom>
          {entry.entityType} {entry.entityId}, by {entry.actor.name || entry.actor.subject} at {entry.at.slice(0, 19).replace('T', ' ')}
          {entry.reason ? `: ${entry.reason}` : ''}
        </Typography>
        <Table size="small" aria-label="Changed fields" sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>Field</TableCell>
              <TableCell>Before</TableCell>
              <TableCell>After</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changed.map((field) => (
              <TableRow key={field}>
                <TableCell component="th" scope="row">
                  {field}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{shown(before?.[field])}</TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{shown(after?.[field])}</TableCell>
              </TableRow>
            ))}
            {changed.length === 0 && (
              <TableRow>
                <TableCell colSpan={3}>No field changed.</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Snapshot title="Before" value={before} />
          <Snapshot title="After" value={after} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
