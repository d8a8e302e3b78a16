// Routes. Signed-out visitors are sent to the sign-in page and brought back afterwards.
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from './auth.js';
import { Layout } from './Layout.js';
import { ErrorNotice, Loading } from '../ui/feedback.js';
import { PageTitle } from '../ui/PageTitle.js';
import { SignInPage } from '../modules/auth/SignInPage.js';
import { ChangePasswordPage } from '../modules/auth/ChangePasswordPage.js';
import { TreePage } from '../modules/organisation/TreePage.js';
import { BodyPage } from '../modules/organisation/BodyPage.js';
import { PersonPage } from '../modules/person/PersonPage.js';
import { StatsPage } from '../modules/stats/StatsPage.js';
import { MyMembershipPage } from '../modules/membership/MyMembershipPage.js';
import { WorklistsPage } from '../modules/membership/WorklistsPage.js';
import { MyMeetingsPage } from '../modules/assembly/MyMeetingsPage.js';
import { MeetingPage } from '../modules/assembly/MeetingPage.js';
import { ProjectorPage } from '../modules/assembly/ProjectorPage.js';
import { DelegatePage } from '../modules/assembly/DelegatePage.js';
import { DirectionHome, InboxPage } from '../modules/direction/InboxPage.js';
import { IssuePage } from '../modules/direction/IssuePage.js';
import { DefinitionsPage } from '../modules/direction/DefinitionsPage.js';
import { DirectivePage } from '../modules/direction/DirectivePage.js';
import { ReportPage } from '../modules/direction/ReportPage.js';
import { DashboardPage } from '../modules/direction/DashboardPage.js';
import { DigestPage } from '../modules/direction/DigestPage.js';
import { CampaignPage } from '../modules/direction/CampaignPage.js';
import { Link } from 'react-router-dom';

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('app.notFoundTitle')}>{t('app.notFoundTitle')}</PageTitle>
      <p>{t('app.notFoundText')}</p>
      <Link to="/">{t('app.backToTree')}</Link>
    </section>
  );
}

/** Signed-in pages; `bare` ones (projector, phone view) bring their own frame instead of the site's. */
function Protected({ bare = false }: { bare?: boolean }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <main id="main" className="site-main" aria-busy="true">
        <Loading />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main id="main" className="site-main">
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return bare ? <Outlet /> : <Layout me={me.data} />;
}

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route element={<Protected bare />}>
        <Route path="/meetings/:id/projector" element={<ProjectorPage />} />
        <Route path="/meetings/:id/delegate" element={<DelegatePage />} />
      </Route>
      <Route element={<Protected />}>
        <Route index element={<TreePage />} />
        <Route path="/bodies/:id" element={<BodyPage />} />
        <Route path="/persons/:id" element={<PersonPage />} />
        <Route path="/stats" element={<StatsPage />} />
        <Route path="/me" element={<MyMembershipPage />} />
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="/worklists" element={<WorklistsPage />} />
        <Route path="/meetings" element={<MyMeetingsPage />} />
        <Route path="/meetings/:id" element={<MeetingPage />} />
        <Route path="/direction" element={<DirectionHome />} />
        <Route path="/direction/bodies/:bodyId" element={<InboxPage />} />
        <Route path="/direction/bodies/:bodyId/digest" element={<DigestPage />} />
        <Route path="/direction/issue" element={<IssuePage />} />
        <Route path="/direction/definitions" element={<DefinitionsPage />} />
        <Route path="/direction/directives/:id" element={<DirectivePage />} />
        <Route path="/direction/rounds/:roundId" element={<DashboardPage />} />
        <Route path="/direction/campaigns/:id" element={<CampaignPage />} />
        <Route path="/direction/rounds/:roundId/reports/:bodyId" element={<ReportPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
