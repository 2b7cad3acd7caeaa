import { Box, Button, Chip, List, ListItem, MenuItem, Pagination, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { usePrograms } from '../oversight/names';
import { byMonth, KIND_LABELS, monthName, useRoadmapDownload, useRoadmapPage, type RoadmapEntry, type RoadmapFilters } from './roadmap-api';

const PAGE_SIZE = 50;

function filtersOf(params: URLSearchParams): RoadmapFilters {
  const filters: RoadmapFilters = {};
  for (const key of ['from', 'to', 'program', 'kind'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

function EntryItem({ entry }: { entry: RoadmapEntry }) {
  const programs = entry.programs.map((p) => p.name).join(', ');
  return (
    <ListItem disableGutters sx={{ gap: 2, alignItems: 'baseline' }}>
      <Box component="time" dateTime={entry.date} sx={{ minWidth: 100, flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {entry.date}
      </Box>
      <Chip size="small" variant="outlined" label={KIND_LABELS[entry.kind] ?? entry.kind} sx={{ minWidth: 130 }} />
      <Box sx={{ flexGrow: 1 }}>
        {entry.title}
        <Typography color="text.secondary" variant="body2">
          {programs || 'Whole portfolio'}
        </Typography>
      </Box>
    </ListItem>
  );
}

/** The running calendar of the portfolio: an agenda by month, filtered by days, program and kind; iCalendar and CSV exports. */
export default function RoadmapPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const page = Number(params.get('page') ?? '1') || 1;
  const roadmap = useRoadmapPage(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const programs = usePrograms();
  const download = useRoadmapDownload();
  const [downloadError, setDownloadError] = useState<unknown>(null);

  // A changed filter starts again at the first page.
  const set = (key: keyof RoadmapFilters, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
      return next;
    });
  const save = (format: 'calendar' | 'csv', fileName: string) => {
    setDownloadError(null);
    download(format, filters, fileName).catch(setDownloadError);
  };
  const data = roadmap.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title="Roadmap"
        subtitle="Coming project starts and ends, milestones, go-lives, rollout waves and adoption deadlines."
        actions={
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => save('calendar', 'roadmap.ics')}>
              Download iCalendar
            </Button>
            <Button variant="outlined" onClick={() => save('csv', 'roadmap.csv')}>
              Download CSV
            </Button>
          </Stack>
        }
      />
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 2 }} role="search" aria-label="Roadmap filters">
        <TextField
          label="From"
          type="date"
          value={params.get('from') ?? ''}
          onChange={(e) => set('from', e.target.value)}
          size="small"
          slotProps={{ inputLabel: { shrink: true } }}
          helperText="Empty: today"
        />
        <TextField
          label="To"
          type="date"
          value={params.get('to') ?? ''}
          onChange={(e) => set('to', e.target.value)}
          size="small"
          slotProps={{ inputLabel: { shrink: true } }}
          helperText="Empty: a year on"
        />
        <TextField
          select
          label="Program"
          value={params.get('program') ?? ''}
          onChange={(e) => set('program', e.target.value)}
          size="small"
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">All programs</MenuItem>
          {programs.programs.map((p) => (
            <MenuItem key={p.programId} value={p.programId}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Kind" value={params.get('kind') ?? ''} onChange={(e) => set('kind', e.target.value)} size="small" sx={{ minWidth: 200 }}>
          <MenuItem value="">All kinds</MenuItem>
          {Object.entries(KIND_LABELS).map(([kind, label]) => (
            <MenuItem key={kind} value={kind}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <ApiErrorAlert error={roadmap.error ?? programs.error ?? downloadError} />
      {data && (
        <Typography sx={{ mb: 1 }} aria-live="polite">
          {data.total} {data.total === 1 ? 'entry' : 'entries'} from {data.from} to {data.to}.
        </Typography>
      )}
      {data && data.entries.length === 0 && <Typography>Nothing is planned in this window.</Typography>}
      {data &&
        byMonth(data.entries).map(([month, entries]) => (
          <Paper key={month} variant="outlined" component="section" aria-labelledby={`month-${month}`} sx={{ p: 2, mb: 2 }}>
            <Typography id={`month-${month}`} variant="h6" component="h2">
              {monthName(month)}
            </Typography>
            <List dense aria-label={`Roadmap of ${monthName(month)}`}>
              {entries.map((entry) => (
                <EntryItem key={entry.uid} entry={entry} />
              ))}
            </List>
          </Paper>
        ))}
      {pages > 1 && (
        <Pagination
          count={pages}
          page={page}
          onChange={(_, next) =>
            setParams((current) => {
              const copy = new URLSearchParams(current);
              copy.set('page', String(next));
              return copy;
            })
          }
          aria-label="Roadmap pages"
        />
      )}
    </>
  );
}
