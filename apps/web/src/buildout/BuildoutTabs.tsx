import { Tab, Tabs } from '@mui/material';
import { Link, useLocation } from 'react-router';

const TABS = [
  { to: '/buildout', label: 'Foundation and maturity' },
  { to: '/buildout/gaps', label: 'Gap analysis and services' },
  { to: '/buildout/roadmap', label: 'Deployment roadmap' },
];

/** The build-out's three screens, in the order the PMO works through them. */
export function BuildoutTabs() {
  const { pathname } = useLocation();
  return (
    <Tabs value={TABS.some((t) => t.to === pathname) ? pathname : false} aria-label="PMO build-out" sx={{ mb: 2 }}>
      {TABS.map((tab) => (
        <Tab key={tab.to} value={tab.to} label={tab.label} component={Link} to={tab.to} />
      ))}
    </Tabs>
  );
}
