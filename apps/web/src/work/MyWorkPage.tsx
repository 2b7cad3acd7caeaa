import { Typography } from '@mui/material';
import { useSession } from '../auth/AuthProvider';
import { PageHeader } from '../components/PageHeader';

/** What waits for the signed-in person, most urgent first. */
export default function MyWorkPage() {
  const session = useSession();
  return (
    <>
      <PageHeader title="My work" subtitle={`What waits for ${session.name}, most urgent first.`} />
      <Typography>Signed in with the roles {session.roles.join(', ') || 'none'}.</Typography>
    </>
  );
}
