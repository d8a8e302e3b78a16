// Members registered in a body's subtree: search by name or card number, pages. When the
// server refuses (outside the person's scope) its message is shown in place of the list.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { MEMBERS_LIMIT, useMembers } from './queries.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading, useErrorMessage } from '../../ui/feedback.js';
import { Pager } from '../../ui/Pager.js';
import { isApiError } from '../../app/api.js';

export function MemberList({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const members = useMembers(bodyId, q, offset);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
    setOffset(0);
  };

  const refused = members.isError && isApiError(members.error, 403);

  return (
    <section className="card members" aria-labelledby="members-h" aria-busy={members.isFetching}>
      <h2 id="members-h">{t('body.members')}</h2>
      {refused ? (
        <div className="notice notice-warn" role="alert" data-testid="members-refused">
          <p>
            <strong>{t('body.membersRefused')}</strong>
          </p>
          <p>{errorMessage(members.error)}</p>
        </div>
      ) : (
        <>
          <form role="search" className="search-form" onSubmit={submit}>
            <label htmlFor="member-search">{t('body.membersSearch')}</label>
            <div className="search-row">
              <input
                id="member-search"
                type="search"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                autoComplete="off"
              />
              <button type="submit" className="button">
                {t('body.membersSearchSubmit')}
              </button>
            </div>
          </form>
          {members.isPending ? (
            <Loading />
          ) : members.isError ? (
            <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />
          ) : members.data.items.length === 0 ? (
            <p role="status">{t('body.membersEmpty')}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('body.name')}</th>
                      <th scope="col">{t('body.cardNumber')}</th>
                      <th scope="col">{t('body.personStatus')}</th>
                      <th scope="col">{t('body.socialPosition')}</th>
                      <th scope="col">{t('body.registeredIn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.data.items.map((p) => {
                      return (
                        <tr key={p.id}>
                          <td>
                            <Link to={`/persons/${p.id}`}>{f.person(p)}</Link>
                          </td>
                          <td className="mono">{p.cardNumber ?? '—'}</td>
                          <td>{t(`personStatus.${p.status}`)}</td>
                          <td>{t(`socialPosition.${p.socialPosition}`)}</td>
                          <td>
                            {p.bodyId && p.bodyId !== bodyId ? (
                              <Link to={`/bodies/${p.bodyId}`}>
                                {f.name({ name: p.bodyName ?? '', nameRu: p.bodyNameRu })}
                              </Link>
                            ) : (
                              f.name({ name: p.bodyName ?? '', nameRu: p.bodyNameRu })
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <Pager
                offset={offset}
                limit={MEMBERS_LIMIT}
                total={members.data.total}
                busy={members.isFetching}
                onChange={setOffset}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
