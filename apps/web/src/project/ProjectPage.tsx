import { Box, Chip, Stack, Tab, Tabs } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { MilestonesSection } from '../roadmap/MilestonesSection';
import { CloseoutSection } from './CloseoutSection';
import { ProjectActions } from './ProjectActions';
import { RequirementsSection } from './RequirementsSection';
import { StatusReportsSection } from './StatusReportsSection';
import { VarianceProposalsSection } from './VarianceProposalsSection';

const TABS = ['Requirements', 'Status reports', 'Variance proposals', 'Close-out', 'Milestones'] as const;
const CLOSE_OUT_TAB = TABS.indexOf('Close-out');

/** One project: the requirements that apply and how far each is implemented, its status reports, its variance proposals, its close-out. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const pmo = usePmo();
  const [tab, setTab] = useState(0);
  // Set when the header's Close project button opened the tab: the reason field takes the focus.
  const [closing, setClosing] = useState(false);
  const project = useQuery({
    queryKey: ['projects', id],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}', { params: { path: { projectId: id } } })),
  });
  const p = project.data;
  return (
    <>
      <PageHeader
        title={p ? p.name : 'Project'}
        subtitle={p ? `${p.code} · ${p.phase} · ${p.percentComplete}% complete` : undefined}
        actions={
          p ? (
            p.closedAt ? (
              <Chip label={`closed ${p.closedAt.slice(0, 10)}`} />
            ) : (
              <ProjectActions project={p} onClose={() => (setTab(CLOSE_OUT_TAB), setClosing(true))} />
            )
          ) : undefined
        }
      />
      <ApiErrorAlert error={project.error} />
      {p && (
        <Stack spacing={2}>
          <Tabs value={tab} onChange={(_e, value: number) => setTab(value)} aria-label="Project sections">
            {TABS.map((label, index) => (
              <Tab key={label} label={label} id={`project-tab-${index}`} aria-controls={index === tab ? `project-panel-${index}` : undefined} />
            ))}
          </Tabs>
          <Box role="tabpanel" id={`project-panel-${tab}`} aria-labelledby={`project-tab-${tab}`}>
            {tab === 0 && <RequirementsSection projectId={id} />}
            {tab === 1 && <StatusReportsSection projectId={id} />}
            {tab === 2 && <VarianceProposalsSection projectId={id} />}
            {tab === CLOSE_OUT_TAB && <CloseoutSection projectId={id} closed={Boolean(p.closedAt)} autoFocus={closing} />}
            {tab === 4 && <MilestonesSection projectId={id} closed={Boolean(p.closedAt)} />}
          </Box>
        </Stack>
      )}
    </>
  );
}
