import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCertificate,
  IconDashboard,
  IconListCheck,
  IconServer2,
  IconStack2,
  IconWorldWww,
} from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useNavigate, useParams } from 'react-router';
import { ServicePicker } from '@/features/service/components/service-picker';
import { ColorSchemeToggle } from '@/components/app-shell/color-scheme-toggle';
import { SettingsMenu } from '@/app/routes/settings-menu';
import { ServiceHeaderActions } from '@/app/routes/service-header-actions';
import { apiTarget } from '@/lib/api-client';
import { KnownService } from '@/app/routes/known-service';
import classes from '@/app/routes/service-layout.module.css';

const navigation = [
  { to: 'overview', label: 'Overview', icon: IconDashboard },
  { to: 'frontends/http', label: 'Frontends', icon: IconWorldWww, match: 'frontends' },
  { to: 'farms/http', label: 'Farms', icon: IconStack2, match: 'farms' },
  { to: 'servers/http', label: 'Servers', icon: IconServer2, match: 'servers' },
  { to: 'certificates', label: 'Certificates', icon: IconCertificate },
  { to: 'tasks', label: 'Tasks', icon: IconListCheck },
];

export function ServiceLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { serviceName } = useParams();
  const navigate = useNavigate();
  const target = apiTarget();
  const base = `/services/${encodeURIComponent(serviceName ?? '')}`;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#main-content" className={classes.skipLink}>
          Skip to content
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Toggle navigation" />
            <Text fw={700} visibleFrom="lg" style={{ whiteSpace: 'nowrap' }}>
              IPLB Console
            </Text>
            <ServicePicker
              value={serviceName}
              onChange={(next) => navigate(`/services/${encodeURIComponent(next)}/overview`)}
            />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {serviceName ? <ServiceHeaderActions serviceName={serviceName} /> : null}
            <Tooltip label={target.kind === 'sandbox' ? 'Simulated API running in this browser' : target.signatureBase}>
              <Badge variant="light" color={target.kind === 'sandbox' ? 'grape' : 'blue'} data-testid="api-target">
                {target.label}
              </Badge>
            </Tooltip>
            <ColorSchemeToggle />
            <SettingsMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <ScrollArea>
          {navigation.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={`${base}/${item.to}`}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.6} />}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {serviceName ? (
          <KnownService serviceName={serviceName}>
            <Outlet />
          </KnownService>
        ) : null}
      </AppShell.Main>
    </AppShell>
  );
}
