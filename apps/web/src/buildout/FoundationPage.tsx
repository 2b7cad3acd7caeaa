import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useIsStrategicAdmin } from '../strategic/standards-api';
import { AssessmentDialog } from './AssessmentDialog';
import { BuildoutTabs } from './BuildoutTabs';
import { elementLabel, useFoundation, useGaps, useMaturityTrend, useToday, type Foundation, type MaturityTrend } from './buildout-api';
import { FoundationDialog } from './FoundationDialog';
import { MaturityTrendChart } from './MaturityTrendChart';

function FoundationCard({ foundation }: { foundation: Foundation }) {
  return (
    <Card variant="outlined" component="section" aria-labelledby="foundation-heading">
      <CardContent>
        <Typography id="foundation-heading" variant="h6" component="h2">
          Foundation: a {foundation.officeType} office
        </Typography>
        <Typography>Scope: {foundation.organisationalScope}</Typography>
        <Typography>Sponsor: {foundation.sponsor}</Typography>
        <Typography>Customers: {foundation.customers.join(', ')}</Typography>
        <Typography>Stakeholders: {foundation.stakeholders.join(', ') || 'none named'}</Typography>
        <Typography color="text.secondary">
          Capacity {foundation.capacityPerWave} person-weeks and {foundation.changesPerWave} changes per wave
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The levels each element had at each assessment: the chart's figures, readable without it. */
function TrendTable({ trend }: { trend: MaturityTrend }) {
  const dates = [...new Set(trend.elements.flatMap((e) => e.points.map((p) => p.assessedOn)))].sort();
  return (
    <Table size="small" aria-label="Maturity per element and assessment">
      <TableHead>
        <TableRow>
          <TableCell>Element</TableCell>
          {dates.map((date) => (
            <TableCell key={date}>{date}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {trend.elements.map((e) => (
          <TableRow key={e.element}>
            <TableCell component="th" scope="row">
              {elementLabel(e.element)}
            </TableCell>
            {dates.map((date) => {
              const point = e.points.find((p) => p.assessedOn === date);
              return <TableCell key={date}>{point ? `${point.currentLevel} → ${point.futureLevel}` : ''}</TableCell>;
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The PMO's foundation, and its maturity per element over the dated assessments of current and future state. */
export default function FoundationPage() {
  const isAdmin = useIsStrategicAdmin();
  const today = useToday();
  const foundation = useFoundation();
  const trend = useMaturityTrend();
  const gaps = useGaps();
  const [editing, setEditing] = useState(false);
  const [assessing, setAssessing] = useState(false);
  const recorded = foundation.data ?? null;
  return (
    <Box>
      <PageHeader
        title="PMO build-out"
        subtitle="The strategic PMO building itself out: its foundation first, then current and future state, gaps, products and services, waves."
        actions={
          isAdmin && (
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" onClick={() => setEditing(true)}>
                {recorded ? 'Change the foundation' : 'Record the foundation'}
              </Button>
              <Button variant="contained" disabled={!recorded} onClick={() => setAssessing(true)}>
                Record an assessment
              </Button>
            </Stack>
          )
        }
      />
      <BuildoutTabs />
      <ApiErrorAlert error={foundation.error ?? trend.error} />
      {foundation.isSuccess && !recorded && (
        <Alert severity="info">The foundation is not recorded yet: the assessments, services and waves all depend on it, so it comes first.</Alert>
      )}
      {recorded && <FoundationCard foundation={recorded} />}
      {trend.data && (
        <Box component="section" aria-labelledby="trend-heading" sx={{ mt: 3 }}>
          <Typography id="trend-heading" variant="h6" component="h2">
            Maturity trend
          </Typography>
          {trend.data.elements.length === 0 ? (
            <Typography color="text.secondary">No assessment yet.</Typography>
          ) : (
            <>
              <MaturityTrendChart trend={trend.data} label="Current maturity level of each element at each assessment" />
              <TrendTable trend={trend.data} />
            </>
          )}
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
            Maturity scale
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            {trend.data.scale.map((s) => (
              <Chip key={s.level} label={`${s.level} ${s.name}: ${s.definition}`} variant="outlined" />
            ))}
          </Stack>
        </Box>
      )}
      {editing && <FoundationDialog foundation={recorded} onClose={() => setEditing(false)} />}
      {assessing && trend.data && <AssessmentDialog gaps={gaps.data ?? []} scale={trend.data.scale} today={today} onClose={() => setAssessing(false)} />}
    </Box>
  );
}
