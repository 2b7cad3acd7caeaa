import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useIsStrategicAdmin } from '../strategic/standards-api';
import { BuildoutTabs } from './BuildoutTabs';
import { elementLabel, useCatalogue, useFoundation, useGaps, useRoadmap } from './buildout-api';
import { OfferingDialog } from './OfferingDialog';

/** The gap analysis (one gap per element, from its latest assessment) and the catalogue of products and services that close the gaps. */
export default function GapsPage() {
  const isAdmin = useIsStrategicAdmin();
  const foundation = useFoundation();
  const gaps = useGaps();
  const catalogue = useCatalogue();
  const roadmap = useRoadmap();
  const [adding, setAdding] = useState(false);
  const waveName = new Map((roadmap.data?.waves ?? []).map((w) => [w.id, w.name]));
  return (
    <Box>
      <PageHeader
        title="PMO build-out"
        subtitle="Gap analysis: one gap per element, future minus current maturity, and the products and services that close them."
        actions={
          isAdmin && (
            <Button variant="contained" disabled={!foundation.data} onClick={() => setAdding(true)}>
              Add a product or service
            </Button>
          )
        }
      />
      <BuildoutTabs />
      <ApiErrorAlert error={gaps.error ?? catalogue.error} />
      <Box component="section" aria-labelledby="gaps-heading">
        <Typography id="gaps-heading" variant="h6" component="h2">
          Gap analysis
        </Typography>
        <Table size="small" aria-label="Gap analysis">
          <TableHead>
            <TableRow>
              <TableCell>Element</TableCell>
              <TableCell>Current state</TableCell>
              <TableCell>Future state</TableCell>
              <TableCell>Gap</TableCell>
              <TableCell>Effort (person-weeks)</TableCell>
              <TableCell>Assessed on</TableCell>
              <TableCell>Closed by</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(gaps.data ?? []).map((gap) => (
              <TableRow key={gap.element}>
                <TableCell component="th" scope="row">
                  {elementLabel(gap.element)}
                </TableCell>
                <TableCell>{`${gap.currentLevel}: ${gap.currentState}`}</TableCell>
                <TableCell>{`${gap.futureLevel}: ${gap.futureState}`}</TableCell>
                <TableCell>{gap.size}</TableCell>
                <TableCell>{gap.effortWeeks}</TableCell>
                <TableCell>{gap.assessedOn}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    {gap.closedBy.map((c) => (
                      <Chip key={`${c.source}:${c.id}`} size="small" label={c.name} variant={c.source === 'catalog' ? 'outlined' : 'filled'} />
                    ))}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Box component="section" aria-labelledby="catalogue-heading" sx={{ mt: 3 }}>
        <Typography id="catalogue-heading" variant="h6" component="h2">
          Products and services
        </Typography>
        <Table size="small" aria-label="Products and services of the PMO">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Closes</TableCell>
              <TableCell>Priority</TableCell>
              <TableCell>Effort</TableCell>
              <TableCell>Wave</TableCell>
              <TableCell>State</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(catalogue.data?.offerings ?? []).map((o) => (
              <TableRow key={o.id}>
                <TableCell component="th" scope="row">
                  {o.name}
                </TableCell>
                <TableCell>{o.kind}</TableCell>
                <TableCell>{o.closesGaps.join(', ')}</TableCell>
                <TableCell>{o.priority}</TableCell>
                <TableCell>{o.effortWeeks}</TableCell>
                <TableCell>{o.waveId ? waveName.get(o.waveId) : 'not planned'}</TableCell>
                <TableCell>{o.state}</TableCell>
              </TableRow>
            ))}
            {(catalogue.data?.catalogProducts ?? []).map((p) => (
              <TableRow key={p.standardId}>
                <TableCell component="th" scope="row">
                  {`${p.title} ${p.version}`}
                </TableCell>
                <TableCell>{`product (${p.kind} in the catalog)`}</TableCell>
                <TableCell>{p.closesGaps.join(', ')}</TableCell>
                <TableCell />
                <TableCell />
                <TableCell />
                <TableCell>published</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {adding && <OfferingDialog gaps={gaps.data ?? []} onClose={() => setAdding(false)} />}
    </Box>
  );
}
