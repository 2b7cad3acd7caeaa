import { AppBar, Box, Button, Chip, Drawer, List, ListItem, ListItemButton, ListItemText, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useSession } from '../auth/AuthProvider';

const DRAWER_WIDTH = 220;

export interface NavEntry {
  to: string;
  label: string;
}

/** The frame of every screen: the header with who is signed in, the navigation their roles allow, the page. */
export function AppLayout({ nav, children }: { nav: NavEntry[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const current = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));
  return (
    <Box sx={{ display: 'flex' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            PMO governance
          </Typography>
          {session.mode === 'embedded' && <Chip label="evaluation sign-in" size="small" sx={{ bgcolor: '#ffe082', color: '#000' }} />}
          <Typography component="span" aria-label="Signed in as">
            {session.username} · {session.roles.join(', ')}
          </Typography>
          <Button color="inherit" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <Box component="nav" aria-label="Main">
          <List>
            {nav.map((entry) => (
              <ListItem key={entry.to} disablePadding>
                <ListItemButton component={NavLink} to={entry.to} selected={current(entry.to)}>
                  <ListItemText primary={entry.label} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        {children}
      </Box>
    </Box>
  );
}
