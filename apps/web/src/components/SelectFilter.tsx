import { MenuItem, TextField } from '@mui/material';

/** A filter that picks one of `options`, or none ("all"): an empty value means no filter. */
export function SelectFilter({
  label,
  allLabel,
  options,
  value,
  onChange,
  minWidth = 160,
}: {
  label: string;
  allLabel: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
  minWidth?: number;
}) {
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value)} size="small" sx={{ minWidth }}>
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}
