import { Chip } from '@mui/material';
import { RATING_COLOURS } from './metrics-api';

/** A rating as a coloured chip that also says it in words; dark text on amber, which white would not contrast. */
export function RatingChip({ rating }: { rating: string | null | undefined }) {
  const colour = rating && rating in RATING_COLOURS ? RATING_COLOURS[rating as keyof typeof RATING_COLOURS] : undefined;
  return (
    <Chip
      size="small"
      label={rating ?? 'unrated'}
      sx={colour ? { bgcolor: colour, color: rating === 'amber' ? '#000' : '#fff' } : undefined}
      variant={colour ? 'filled' : 'outlined'}
    />
  );
}
