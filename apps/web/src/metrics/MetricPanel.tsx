import { Box, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { MetricDefinition } from './metrics-api';

/** A metric's figures with its definitions beside them: what it counts, how, in what unit, from where. */
export function MetricPanel({ title, definitions, children }: { title: string; definitions: (MetricDefinition | undefined)[]; children: ReactNode }) {
  const id = `metric-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper component="section" aria-labelledby={id} variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography id={id} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, gap: 2 }}>
        <Box sx={{ minWidth: 0 }}>{children}</Box>
        <Box component="aside" aria-label={`Definition: ${title}`} sx={{ bgcolor: 'action.hover', p: 1.5, borderRadius: 1 }}>
          {definitions.map(
            (definition) =>
              definition && (
                <Box key={definition.id} component="dl" sx={{ m: 0, mb: 1.5, '& dt': { fontWeight: 600, mt: 0.5 }, '& dd': { ml: 0 } }}>
                  <Typography component="dt" variant="subtitle2">
                    {definition.name}
                  </Typography>
                  <Typography component="dd" variant="body2">
                    {definition.formula}
                  </Typography>
                  <Typography component="dd" variant="body2" color="text.secondary">
                    Unit: {definition.unit}
                  </Typography>
                  <Typography component="dd" variant="body2" color="text.secondary">
                    Source: {definition.source}
                  </Typography>
                </Box>
              ),
          )}
        </Box>
      </Box>
    </Paper>
  );
}
