import { Box, Button, Card, CardContent, LinearProgress, List, ListItem, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useIsStrategicAdmin } from '../strategic/standards-api';
import { BuildoutTabs } from './BuildoutTabs';
import { BUILDOUT_KEY, useFoundation, useRoadmap, useToday, type Offering, type Wave } from './buildout-api';
import { WaveDialog } from './WaveDialog';

const STATES = ['planned', 'in-progress', 'deployed'] as const;

/** An item of a wave and its deployment state, which the strategic admin moves on. */
function WaveItem({ offering, canChange }: { offering: Offering; canChange: boolean }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const setState = useMutation({
    mutationFn: (state: (typeof STATES)[number]) =>
      unwrap(pmo.strategic.PUT('/buildout/offerings/{offeringId}/state', { params: { path: { offeringId: offering.id } }, body: { state } })),
    onSuccess: () => client.invalidateQueries({ queryKey: BUILDOUT_KEY }),
  });
  return (
    <ListItem disableGutters sx={{ gap: 2, flexWrap: 'wrap' }}>
      <Box sx={{ flexGrow: 1 }}>
        {offering.name} ({offering.kind}, priority {offering.priority}, {offering.effortWeeks} person-weeks)
      </Box>
      {canChange ? (
        <TextField
          select
          size="small"
          label={`State of ${offering.name}`}
          value={offering.state}
          onChange={(e) => setState.mutate(e.target.value as (typeof STATES)[number])}
          sx={{ minWidth: 220 }}
        >
          {STATES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <span>{offering.state}</span>
      )}
      <ApiErrorAlert error={setState.error} />
    </ListItem>
  );
}

function WaveCard({ wave, capacity, canChange }: { wave: Wave; capacity: number | undefined; canChange: boolean }) {
  const headingId = `wave-${wave.id}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography id={headingId} variant="h6" component="h2">
          {wave.name}
        </Typography>
        <Typography color="text.secondary">
          {wave.startsOn} to {wave.endsOn}, owner {wave.owner}; {wave.effortWeeks}
          {capacity ? ` of ${capacity}` : ''} person-weeks
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }}>
          <LinearProgress variant="determinate" value={wave.progress.percent} aria-label={`${wave.name} progress`} sx={{ flexGrow: 1, height: 10 }} />
          <Typography>
            {wave.progress.percent}% ({wave.progress.deployed} of {wave.progress.total} deployed, {wave.progress.inProgress} in progress)
          </Typography>
        </Stack>
        <List dense aria-label={`Items of ${wave.name}`}>
          {wave.offerings.map((o) => (
            <WaveItem key={o.id} offering={o} canChange={canChange} />
          ))}
        </List>
      </CardContent>
    </Card>
  );
}

/** The deployment roadmap: waves in order with dates, owners and progress; the unplanned items and the proposed next waves. */
export default function RoadmapPage() {
  const isAdmin = useIsStrategicAdmin();
  const today = useToday();
  const foundation = useFoundation();
  const roadmap = useRoadmap();
  const [planning, setPlanning] = useState(false);
  const waves = roadmap.data?.waves ?? [];
  const unplanned = roadmap.data?.unplanned ?? [];
  const nameOf = new Map(unplanned.map((o) => [o.id, o.name]));
  const lastEnd = waves.length ? waves[waves.length - 1].endsOn : today;
  return (
    <Box>
      <PageHeader
        title="PMO build-out"
        subtitle="Deployment roadmap: waves ordered by priority, within the PMO's capacity and the pace of change the organisation absorbs."
        actions={
          isAdmin && (
            <Button variant="contained" disabled={!foundation.data || unplanned.length === 0} onClick={() => setPlanning(true)}>
              Plan a wave
            </Button>
          )
        }
      />
      <BuildoutTabs />
      <ApiErrorAlert error={roadmap.error} />
      {foundation.data && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Each wave: at most {foundation.data.capacityPerWave} person-weeks of the PMO and {foundation.data.changesPerWave} new products and services.
        </Typography>
      )}
      <Stack spacing={2}>
        {waves.map((wave) => (
          <WaveCard key={wave.id} wave={wave} capacity={foundation.data?.capacityPerWave} canChange={isAdmin} />
        ))}
      </Stack>
      {unplanned.length > 0 && (
        <Box component="section" aria-labelledby="proposal-heading" sx={{ mt: 3 }}>
          <Typography id="proposal-heading" variant="h6" component="h2">
            Not planned yet: proposed next waves
          </Typography>
          <List dense>
            {(roadmap.data?.proposal ?? []).map((p, i) => (
              <ListItem key={p.offeringIds.join()} disableGutters>
                {`Next wave ${i + 1}: ${p.offeringIds.map((id) => nameOf.get(id)).join(', ')} (${p.effortWeeks} person-weeks)`}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {planning && <WaveDialog unplanned={unplanned} proposed={roadmap.data?.proposal[0]?.offeringIds ?? []} startsAfter={lastEnd} onClose={() => setPlanning(false)} />}
    </Box>
  );
}
