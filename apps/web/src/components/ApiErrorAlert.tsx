import { Alert, AlertTitle, List, ListItem } from '@mui/material';
import { ApiError, meaningOf } from '../api/api-error';

/** An error from an API call, said as what it means (403, 404, 422...), with the server's own message. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <Alert severity={error.status >= 500 ? 'error' : 'warning'} role="alert">
        <AlertTitle>{meaningOf(error.status)}</AlertTitle>
        {error.message}
        {error.fieldErrors.length > 0 && (
          <List dense>
            {error.fieldErrors.map((e) => (
              <ListItem key={`${e.path}:${e.message}`}>{e.path ? `${e.path}: ${e.message}` : e.message}</ListItem>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert">
      {(error as Error).message ?? String(error)}
    </Alert>
  );
}
