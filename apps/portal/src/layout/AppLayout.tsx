import { NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { navigationFor } from './navigation';

export function AppLayout() {
  const session = useSession();
  const me = session.me;
  const items = navigationFor(me?.roles ?? []);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="container-fluid app-header">
        <nav aria-label="Main">
          <ul>
            <li>
              <strong>Conveyor</strong>
            </li>
          </ul>
          <ul className="nav-links">
            {items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
          <ul>
            <li>
              <span className="who" title={me?.roles.join(', ')}>
                {me?.displayName}
              </span>
            </li>
            <li>
              <button type="button" className="secondary outline small" onClick={() => void session.signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="container-fluid" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
