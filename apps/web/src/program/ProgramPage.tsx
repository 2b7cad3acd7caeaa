import { Box, CircularProgress, Tab, Tabs } from '@mui/material';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { AdoptionBoard } from './AdoptionBoard';
import { ComplianceSection } from './ComplianceSection';
import { FeedbackSection } from './FeedbackSection';
import { NoticesSection } from './NoticesSection';
import { ProposalsSection } from './ProposalsSection';
import { StandardsSection } from './StandardsSection';
import { VariancesSection } from './VariancesSection';
import { useProgram } from './program-api';

const TABS: { key: string; label: string; render: (programId: string) => ReactNode }[] = [
  { key: 'standards', label: 'Standards', render: (id) => <StandardsSection programId={id} /> },
  { key: 'adoption', label: 'Adoption', render: (id) => <AdoptionBoard programId={id} /> },
  { key: 'variances', label: 'Variance requests', render: (id) => <VariancesSection programId={id} /> },
  { key: 'proposals', label: 'Project proposals', render: (id) => <ProposalsSection programId={id} /> },
  { key: 'notices', label: 'Notices', render: (id) => <NoticesSection programId={id} /> },
  { key: 'feedback', label: 'Feedback', render: (id) => <FeedbackSection programId={id} /> },
  { key: 'compliance', label: 'Compliance', render: (id) => <ComplianceSection programId={id} /> },
];

/** One program: its standards, the adoption board, variances, proposals, notices, feedback and compliance, one tab each. */
export default function ProgramPage() {
  const { programId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const program = useProgram(programId);
  const tab = TABS.find((t) => t.key === search.get('tab')) ?? TABS[0];
  if (program.isPending) return <CircularProgress aria-label="Loading the program" />;
  if (program.error || !program.data) {
    return (
      <>
        <PageHeader title="Program" subtitle="This program could not be opened." />
        <ApiErrorAlert error={program.error} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={program.data.name} subtitle={`Program ${program.data.code}${program.data.tags.length ? ` · ${program.data.tags.join(', ')}` : ''}`} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab.key} onChange={(_event, key: string) => setSearch({ tab: key }, { replace: true })} aria-label="Program sections" variant="scrollable">
          {TABS.map((t) => (
            <Tab key={t.key} value={t.key} label={t.label} id={`tab-${t.key}`} aria-controls={`panel-${t.key}`} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`panel-${tab.key}`} aria-labelledby={`tab-${tab.key}`}>
        {tab.render(programId)}
      </Box>
    </>
  );
}
