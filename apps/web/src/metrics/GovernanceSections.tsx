import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { MetricChart, type ChartOption } from './MetricChart';
import { MetricPanel } from './MetricPanel';
import { dayOf, type AdoptionWaves, type ComplianceTrend, type MetricDefinition, type RedReports, type VarianceDecisions } from './metrics-api';

type DefinitionOf = (id: string) => MetricDefinition | undefined;

/** Projects whose current report is red, oldest run first: what the program's steering committee should see. */
export function RedReportsSection({ red, definitionOf }: { red: RedReports; definitionOf: DefinitionOf }) {
  return (
    <MetricPanel title="Red reports" definitions={[definitionOf('red-reports')]}>
      <Typography sx={{ mb: 1 }}>{`${red.count} project${red.count === 1 ? '' : 's'} reporting red`}</Typography>
      <Table size="small" aria-label="Red reports">
        <TableHead>
          <TableRow>
            <TableCell>Project</TableCell>
            <TableCell>Program</TableCell>
            <TableCell>Red since</TableCell>
            <TableCell>Age (days)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {red.items.map((item) => (
            <TableRow key={item.projectId}>
              <TableCell component="th" scope="row">
                {item.name}
              </TableCell>
              <TableCell>{item.programName}</TableCell>
              <TableCell>{dayOf(item.redSince)}</TableCell>
              <TableCell>{item.ageDays}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </MetricPanel>
  );
}

export function VarianceSection({ decisions, definitionOf }: { decisions: VarianceDecisions; definitionOf: DefinitionOf }) {
  const option = useMemo<ChartOption>(
    () => ({
      xAxis: { type: 'category', data: decisions.weeks.map((w) => dayOf(w.at)) },
      yAxis: [
        { type: 'value', name: 'decisions', minInterval: 1 },
        { type: 'value', name: 'days' },
      ],
      series: [
        { type: 'bar', name: 'decided', data: decisions.weeks.map((w) => w.decided) },
        { type: 'bar', name: 'within SLA', data: decisions.weeks.map((w) => w.onTime) },
        { type: 'line', name: 'median days', yAxisIndex: 1, connectNulls: true, data: decisions.weeks.map((w) => w.medianDays) },
      ],
    }),
    [decisions],
  );
  const percent = decisions.percentOnTime === null ? 'no decision' : `${decisions.percentOnTime}% within SLA`;
  return (
    <MetricPanel title="Variance decisions" definitions={[definitionOf('variance-decision-time'), definitionOf('variance-on-time')]}>
      <Typography sx={{ mb: 1 }}>
        {`${decisions.decided} decided, ${percent}, median ${decisions.medianDays ?? '–'} days; ${decisions.openPastDue} open past due`}
      </Typography>
      <MetricChart option={option} testId="variance-decisions" label={`Variance decisions per week: ${decisions.decided} decided, ${percent}`} />
    </MetricPanel>
  );
}

export function AdoptionSection({ adoption, definitionOf }: { adoption: AdoptionWaves; definitionOf: DefinitionOf }) {
  const option = useMemo<ChartOption>(() => {
    const days = adoption.waves[0]?.points.map((p) => dayOf(p.at)) ?? [];
    return {
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: adoption.waves.map((w) => ({
        type: 'line',
        name: `${w.standardKey} ${w.version} · ${w.wave} (of ${w.inScope})`,
        data: w.points.map((p) => p.decided),
      })),
    };
  }, [adoption]);
  return (
    <MetricPanel title="Adoption per wave" definitions={[definitionOf('adoption-burn-up')]}>
      <MetricChart option={option} testId="adoption-burn-up" label={`Projects decided over time in ${adoption.waves.length} rollout waves`} />
      <Table size="small" aria-label="Rollout waves">
        <TableHead>
          <TableRow>
            <TableCell>Standard</TableCell>
            <TableCell>Wave</TableCell>
            <TableCell>Deadline</TableCell>
            <TableCell>Decided / in scope</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {adoption.waves.map((w) => (
            <TableRow key={`${w.versionId}/${w.wave}`}>
              <TableCell component="th" scope="row">{`${w.standardKey} ${w.version}`}</TableCell>
              <TableCell>{w.wave}</TableCell>
              <TableCell>{w.adoptionDeadline}</TableCell>
              <TableCell>{`${w.points.at(-1)?.decided ?? 0} / ${w.inScope}`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </MetricPanel>
  );
}

export function ComplianceSection({ trend, definitionOf }: { trend: ComplianceTrend; definitionOf: DefinitionOf }) {
  const chartOf = (series: ComplianceTrend['byStandard']): ChartOption => ({
    xAxis: { type: 'category', data: series[0]?.points.map((p) => dayOf(p.at)) ?? [] },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({ type: 'line', name: s.label, data: s.points.map((p) => (p.total === 0 ? null : p.percentCompliant)) })),
  });
  const byStandard = useMemo(() => chartOf(trend.byStandard), [trend]);
  const byProgram = useMemo(() => chartOf(trend.byProgram), [trend]);
  return (
    <MetricPanel title="Compliance trend" definitions={[definitionOf('compliance-trend')]}>
      <Typography variant="subtitle2">Per standard</Typography>
      <MetricChart option={byStandard} testId="compliance-by-standard" label={`Percent compliant per week for ${trend.byStandard.length} standards`} />
      <Typography variant="subtitle2">Per program</Typography>
      <MetricChart option={byProgram} testId="compliance-by-program" label={`Percent compliant per week for ${trend.byProgram.length} programs`} />
    </MetricPanel>
  );
}
