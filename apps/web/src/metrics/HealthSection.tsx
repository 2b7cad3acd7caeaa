import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { MetricChart, type ChartOption } from './MetricChart';
import { MetricPanel } from './MetricPanel';
import { RatingChip } from './RatingChip';
import { dayOf, RATING_COLOURS, type HealthMetrics, type MetricDefinition } from './metrics-api';

const RATINGS = ['green', 'amber', 'red'] as const;

/** Roll-ups per program and for the portfolio, the weekly trend, and the projects of one program. */
export function HealthSection({ health, definitionOf }: { health: HealthMetrics; definitionOf: (id: string) => MetricDefinition | undefined }) {
  const option = useMemo<ChartOption>(
    () => ({
      xAxis: { type: 'category', data: health.trend.map((p) => dayOf(p.at)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: RATINGS.map((rating) => ({
        type: 'bar',
        stack: 'projects',
        name: rating,
        color: RATING_COLOURS[rating],
        data: health.trend.map((p) => p[rating]),
      })),
    }),
    [health],
  );
  return (
    <>
      <MetricPanel title="Portfolio and program health" definitions={[definitionOf('portfolio-health'), definitionOf('program-health')]}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography>Portfolio:</Typography>
          <RatingChip rating={health.portfolio.rating} />
        </Stack>
        <Table size="small" aria-label="Program health">
          <TableHead>
            <TableRow>
              <TableCell>Program</TableCell>
              <TableCell>Roll-up</TableCell>
              <TableCell>Overall (green / amber / red)</TableCell>
              <TableCell>Schedule</TableCell>
              <TableCell>Budget</TableCell>
              <TableCell>Unrated</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {health.programs.map((p) => (
              <TableRow key={p.programId}>
                <TableCell component="th" scope="row">
                  {p.name}
                </TableCell>
                <TableCell>
                  <RatingChip rating={p.rating} />
                </TableCell>
                <TableCell>{`${p.overall.green} / ${p.overall.amber} / ${p.overall.red}`}</TableCell>
                <TableCell>{`${p.schedule.green} / ${p.schedule.amber} / ${p.schedule.red}`}</TableCell>
                <TableCell>{`${p.budget.green} / ${p.budget.amber} / ${p.budget.red}`}</TableCell>
                <TableCell>{p.unrated}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </MetricPanel>
      <MetricPanel title="Project health over time" definitions={[definitionOf('health-trend')]}>
        <MetricChart option={option} testId="health-trend" label={`Projects by overall rating at each of ${health.trend.length} week ends`} />
      </MetricPanel>
      {health.projects.length > 0 && (
        <MetricPanel title="Schedule and budget health per project" definitions={[definitionOf('project-health')]}>
          <Table size="small" aria-label="Project health">
            <TableHead>
              <TableRow>
                <TableCell>Project</TableCell>
                <TableCell>Schedule</TableCell>
                <TableCell>Budget</TableCell>
                <TableCell>Overall</TableCell>
                <TableCell>Reported</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {health.projects.map((p) => (
                <TableRow key={p.projectId}>
                  <TableCell component="th" scope="row">
                    {p.name}
                  </TableCell>
                  <TableCell>
                    <RatingChip rating={p.schedule} />
                  </TableCell>
                  <TableCell>
                    <RatingChip rating={p.budget} />
                  </TableCell>
                  <TableCell>
                    <RatingChip rating={p.overall} />
                  </TableCell>
                  <TableCell>{dayOf(p.reportedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </MetricPanel>
      )}
    </>
  );
}
