// Every membership API path the web app calls, in one place (admission, dues, transfers,
// resignations, discipline, reviews, the audit trail).
const e = encodeURIComponent;

export const paths = {
  history: (personId: string) => `/api/persons/${e(personId)}/history`,
  card: (personId: string) => `/api/persons/${e(personId)}/card.pdf`,
  admission: {
    apply: '/api/admission/applications',
    application: (id: string) => `/api/admission/applications/${e(id)}`,
    personAdmission: (personId: string) => `/api/admission/persons/${e(personId)}`,
    myApplications: '/api/admission/my/applications',
    myRecommendations: '/api/admission/my/recommendations',
    confirmRecommendation: (id: string) => `/api/admission/recommendations/${e(id)}/confirm`,
    declineRecommendation: (id: string) => `/api/admission/recommendations/${e(id)}/decline`,
    toDecide: (bodyId: string) => `/api/admission/bodies/${e(bodyId)}/applications`,
    decide: (id: string) => `/api/admission/applications/${e(id)}/decision`,
    toConfirm: (bodyId: string) => `/api/admission/bodies/${e(bodyId)}/confirmations`,
    confirm: (id: string) => `/api/admission/applications/${e(id)}/confirmation`,
    candidatesDue: (bodyId: string) => `/api/admission/bodies/${e(bodyId)}/candidates-due`,
    extend: (personId: string) => `/api/admission/candidates/${e(personId)}/extend`,
    refuse: (personId: string) => `/api/admission/candidates/${e(personId)}/refuse`,
    /** Proposed (not yet on the server): members of a primary organisation who may recommend. */
    recommenders: (bodyId: string, q: string) => `/api/admission/recommenders?bodyId=${e(bodyId)}&q=${e(q)}`,
    nameRecommender: (id: string) => `/api/admission/applications/${e(id)}/recommenders`,
  },
  dues: {
    person: (personId: string) => `/api/dues/persons/${e(personId)}`,
    pay: '/api/dues/payments',
    quote: (month: string, earnings: string) => `/api/dues/scale?month=${e(month)}&earnings=${e(earnings)}`,
    arrears: (bodyId: string, limit: number, offset: number) =>
      `/api/dues/arrears?bodyId=${e(bodyId)}&limit=${limit}&offset=${offset}`,
    rollup: (bodyId: string, month: string) => `/api/dues/rollup?bodyId=${e(bodyId)}&month=${e(month)}`,
  },
  transfers: {
    deregister: '/api/transfers/deregister',
    register: '/api/transfers/register',
    direct: '/api/transfers/direct',
    unregistered: (bodyId: string) => `/api/transfers/unregistered?bodyId=${e(bodyId)}&limit=200`,
  },
  resignations: {
    submit: '/api/resignations',
    forBody: (bodyId: string) => `/api/resignations?bodyId=${e(bodyId)}&limit=200`,
    discuss: (id: string) => `/api/resignations/${e(id)}/discussion`,
    decide: (id: string) => `/api/resignations/${e(id)}/acceptance`,
    withdraw: (id: string) => `/api/resignations/${e(id)}/withdrawal`,
  },
  discipline: {
    charge: '/api/discipline/cases',
    case: (id: string) => `/api/discipline/cases/${e(id)}`,
    mine: '/api/discipline/my-cases',
    forBody: (bodyId: string) => `/api/discipline/cases?bodyId=${e(bodyId)}`,
    answer: (id: string) => `/api/discipline/cases/${e(id)}/answer`,
    hearing: (id: string) => `/api/discipline/cases/${e(id)}/hearing`,
    decide: (id: string) => `/api/discipline/cases/${e(id)}/decide`,
    appeal: '/api/appeals',
    appealsForBody: (bodyId: string) => `/api/appeals?bodyId=${e(bodyId)}`,
    decideAppeal: (id: string) => `/api/appeals/${e(id)}/decide`,
    escalate: (id: string) => `/api/appeals/${e(id)}/escalate`,
    penalties: (personId: string) => `/api/persons/${e(personId)}/penalties`,
  },
  reviews: {
    open: '/api/reviews',
    list: (bodyId: string) => `/api/reviews?bodyId=${e(bodyId)}`,
    progress: (id: string, bodyId?: string) => `/api/reviews/${e(id)}/progress${bodyId ? `?bodyId=${e(bodyId)}` : ''}`,
    myItems: '/api/review-items/mine',
    decideItem: (itemId: string) => `/api/review-items/${e(itemId)}/decide`,
  },
};
