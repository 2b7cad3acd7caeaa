import { Alert, AlertTitle } from '@mui/material';
import { ApiError } from '../api/api-error';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

/**
 * A refused action, said as what it means for governance: separation of duties and role limits get their
 * own sentence; anything else falls back to the generic meaning of the status with the server's message.
 */
export function RefusalAlert({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.status !== 403) return <ApiErrorAlert error={error} />;
  const ownRequest = error.body.code === 'VARIANCE.OWN_REQUEST';
  return (
    <Alert severity="warning" role="alert">
      <AlertTitle>{ownRequest ? 'Separation of duties: you may not act on this variance' : 'Your role may not do this'}</AlertTitle>
      {ownRequest
        ? 'Whoever requested a variance (or its renewal) can neither review, decide, confirm, revoke nor tick off its conditions; someone else at the strategic PMO has to. '
        : 'Reviewers review, tick off conditions, confirm and revoke; only a strategic admin decides; auditors read. '}
      ({error.message})
    </Alert>
  );
}
