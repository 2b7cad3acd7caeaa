import { Alert, Box, Button, Card, CardContent, Chip, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { SignInConfig } from './config';
import { listDemoUsers, type DemoUser } from './embedded-session';

interface Props {
  config: SignInConfig;
  onDemoUser: (username: string) => Promise<void>;
  onKeycloak: () => Promise<void>;
}

export function SignInPage({ config, onDemoUser, onKeycloak }: Props) {
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (config.mode === 'embedded') listDemoUsers().then(setUsers, (e: Error) => setError(e.message));
  }, [config.mode]);

  const run = (action: () => Promise<void>) => () => void action().catch((e: Error) => setError(e.message));

  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', bgcolor: 'grey.100', p: 2 }}>
      <Card sx={{ maxWidth: 560, width: '100%' }}>
        <CardContent>
          <Typography variant="h4" component="h1" gutterBottom>
            PMO governance
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          {config.mode === 'keycloak' ? (
            <Stack spacing={2}>
              <Typography>Sign in with your organisation account.</Typography>
              <Button variant="contained" onClick={run(onKeycloak)}>
                Sign in
              </Button>
            </Stack>
          ) : (
            <>
              <Alert severity="warning" sx={{ mb: 2 }}>
                Evaluation sign-in: this embedded instance lets anyone act as one of its demo users. Use the distributed mode, with Keycloak, in production.
              </Alert>
              <Typography component="h2" variant="h6">
                Sign in as
              </Typography>
              <List aria-label="Demo users">
                {users.map((user) => (
                  <ListItem key={user.username} disablePadding>
                    <ListItemButton onClick={run(() => onDemoUser(user.username))}>
                      <ListItemText
                        primary={user.username}
                        secondary={
                          <Box component="span" sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
                            {[...user.roles, ...user.groups].map((label) => (
                              <Chip key={label} component="span" size="small" label={label} />
                            ))}
                          </Box>
                        }
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
