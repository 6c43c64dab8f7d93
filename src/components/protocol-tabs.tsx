import { Badge, Loader, VisuallyHidden } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { protocolLabels, protocols, type Protocol } from '@/lib/iplb/protocol';
import classes from '@/components/protocol-tabs.module.css';

export interface ProtocolTabsProps {
  /** URL the protocol is appended to, e.g. `/services/lb-1/frontends` → `/services/lb-1/frontends/tcp` */
  basePath: string;
  active: Protocol;
  /** objects per protocol; undefined while loading, null when it could not be loaded (shown as "?", never 0) */
  counts?: Partial<Record<Protocol, number | null | undefined>>;
  /** which protocols to offer (default HTTP, TCP, UDP) */
  available?: readonly Protocol[];
  /** keep the current search params (filter, sort…) when switching */
  keepSearch?: boolean;
  /** accessible name of the tab list */
  label?: string;
}

/**
 * HTTP | TCP | UDP as links (the protocol lives in the URL: it can be bookmarked, opened in a new tab,
 * and Back works), each with its object count. Switching only changes the URL: the lists come from
 * the query cache, never refetched because of a tab change.
 */
export function ProtocolTabs({ basePath, active, counts, available = protocols, keepSearch = false, label = 'Protocol' }: ProtocolTabsProps) {
  const { search } = useLocation();
  return (
    <nav aria-label={label} className={classes.list}>
      {available.map((protocol) => {
        const count = counts?.[protocol];
        const current = protocol === active;
        return (
          <Link
            key={protocol}
            to={`${basePath}/${protocol}${keepSearch ? search : ''}`}
            className={classes.tab}
            aria-current={current ? 'page' : undefined}
          >
            {protocolLabels[protocol]}
            {counts ? (
              count === undefined ? (
                <>
                  <Loader size={10} aria-hidden />
                  <VisuallyHidden>count loading</VisuallyHidden>
                </>
              ) : count === null ? (
                <Badge size="sm" variant="outline" color="red" circle title="Count unavailable: its list could not be loaded">
                  <span aria-hidden>?</span>
                  <VisuallyHidden>count unavailable</VisuallyHidden>
                </Badge>
              ) : (
                <Badge size="sm" variant={current ? 'filled' : 'light'} circle={count < 10}>
                  {count}
                </Badge>
              )
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
