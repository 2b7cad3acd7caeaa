import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import type { StandardVersion } from './standards-api';

/** The playbook in a methodology version's body (phases → key tasks), as the platform stores it. */
interface PartyItem {
  text: string;
  responsibleParty: string;
}
interface KeyTask {
  phase: number | string;
  keyTask: number | string;
  name: string;
  objective: string;
  responsibleParty: string;
  category: string;
  activities: PartyItem[];
  inputs: string[];
  outputs: string[];
  stakeholders: PartyItem[];
  bestPractice: string[];
  lessonsLearned: string[];
}
interface Playbook {
  phases: { phase: number | string; keyTasks: KeyTask[] }[];
}

type RaciRow = StrategicPmoSchemas['schemas']['RaciRowResponse'] & { id: number };
const raciColumns: GridColDef<RaciRow>[] = [
  { field: 'activity', headerName: 'Activity', flex: 3 },
  { field: 'customer', headerName: 'Customer', width: 120, align: 'center', headerAlign: 'center' },
  { field: 'provider', headerName: 'Provider', width: 120, align: 'center', headerAlign: 'center' },
  { field: 'shared', headerName: 'Shared', width: 120, align: 'center', headerAlign: 'center' },
];

function playbookOf(version: StandardVersion): Playbook | null {
  const body = version.body as Partial<Playbook> | null;
  return body && Array.isArray(body.phases) ? (body as Playbook) : null;
}

function ItemList({ title, items }: { title: string; items: (string | PartyItem)[] }) {
  if (!items?.length) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h5" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <List dense disablePadding aria-label={title}>
        {items.map((item, i) => (
          <ListItem key={i} disableGutters>
            <ListItemText primary={typeof item === 'string' ? item : item.text} secondary={typeof item === 'string' ? undefined : item.responsibleParty} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** Phases → key tasks → activities, inputs, outputs, stakeholders, best practices and lessons; a key task's RACI. */
export function PlaybookView({ version }: { version: StandardVersion }) {
  const playbook = playbookOf(version);
  const [raciOf, setRaciOf] = useState<string | null>(null);
  if (!playbook) return <Typography color="text.secondary">No playbook yet{version.state === 'draft' ? ': import one below.' : '.'}</Typography>;
  return (
    <Stack spacing={2}>
      {playbook.phases.map((phase) => (
        <Box key={String(phase.phase)} component="section" aria-labelledby={`phase-${phase.phase}`}>
          <Typography variant="h6" component="h3" id={`phase-${phase.phase}`}>
            Phase {phase.phase}
          </Typography>
          {phase.keyTasks.map((task) => {
            const label = `${task.phase}.${task.keyTask}`;
            return (
              <Accordion key={label} disableGutters>
                <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`task-${label}-content`} id={`task-${label}-header`}>
                  <Typography component="h4">
                    Key task {label}: {task.name}
                  </Typography>
                </AccordionSummary>
                <AccordionDetails id={`task-${label}-content`}>
                  <Stack spacing={1.5}>
                    <Typography>{task.objective}</Typography>
                    <Stack direction="row" spacing={1}>
                      <Chip size="small" label={`responsible: ${task.responsibleParty}`} />
                      <Chip size="small" label={`category: ${task.category}`} />
                    </Stack>
                    <ItemList title="Activities" items={task.activities} />
                    <ItemList title="Inputs" items={task.inputs} />
                    <ItemList title="Outputs" items={task.outputs} />
                    <ItemList title="Stakeholders" items={task.stakeholders} />
                    <ItemList title="Best practices" items={task.bestPractice} />
                    <ItemList title="Lessons learned" items={task.lessonsLearned} />
                    <div>
                      <Button variant="outlined" onClick={() => setRaciOf(label)}>
                        RACI matrix of {label}
                      </Button>
                    </div>
                  </Stack>
                </AccordionDetails>
              </Accordion>
            );
          })}
        </Box>
      ))}
      {raciOf && <RaciMatrix version={version} keyTask={raciOf} />}
    </Stack>
  );
}

function RaciMatrix({ version, keyTask }: { version: StandardVersion; keyTask: string }) {
  const pmo = usePmo();
  const raci = useQuery({
    queryKey: ['standard', version.standardId, 'version', version.version, 'raci', keyTask],
    queryFn: () =>
      unwrap(
        pmo.strategic.GET('/standards/{standardId}/versions/{version}/playbook/key-tasks/{keyTask}/raci', {
          params: { path: { standardId: version.standardId, version: version.version, keyTask } },
        }),
      ),
  });
  const rows: RaciRow[] = (Array.isArray(raci.data) ? raci.data : []).map((row, id) => ({ ...row, id }));
  return (
    <Box component="section" aria-labelledby="raci-heading">
      <Typography variant="h6" component="h3" id="raci-heading">
        RACI matrix of key task {keyTask}
      </Typography>
      <ApiErrorAlert error={raci.error} />
      <Box sx={{ height: Math.min(560, 120 + rows.length * 52) }}>
        <DataGrid
          aria-label={`RACI matrix of key task ${keyTask}`}
          rows={rows}
          columns={raciColumns}
          loading={raci.isFetching}
          disableRowSelectionOnClick
          hideFooter
        />
      </Box>
    </Box>
  );
}
