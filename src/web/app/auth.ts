// The signed-in account ("me"): loaded once, kept in the query cache; sign in, sign out, language.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useOneMutation } from './act.js';
import type { LoginInput, Me } from '../../contracts/auth.js';
import { client, isApiError, ok, setCsrfToken } from './api.js';
import { applyLanguage, isLanguage, type Language } from '../i18n/index.js';

export const ME_KEY = ['me'] as const;
/** Set when the language was chosen on the sign-in page, so it is saved to the account at sign-in. */
const CHOSEN_KEY = 'antaeus.locale.chosen';

function takeChosenLanguage(): string | null {
  try {
    const chosen = sessionStorage.getItem(CHOSEN_KEY);
    sessionStorage.removeItem(CHOSEN_KEY);
    return chosen;
  } catch {
    return null;
  }
}

function adopt(me: Me | null): Me | null {
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        const me = await ok(client.GET('/api/auth/me', { signal }));
        if (isLanguage(me.locale)) applyLanguage(me.locale);
        return adopt(me);
      } catch (err) {
        if (isApiError(err, 401)) return adopt(null);
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useOneMutation({
    mutationFn: (input: LoginInput) => ok(client.POST('/api/auth/login', { body: input })),
    onSuccess: async (me) => {
      adopt(me);
      const chosen = takeChosenLanguage();
      let final = me;
      if (isLanguage(chosen) && chosen !== me.locale) {
        try {
          final = await ok(client.PATCH('/api/auth/me', { body: { locale: chosen } }));
          adopt(final);
        } catch {
          final = { ...me, locale: chosen };
        }
      }
      if (isLanguage(final.locale)) applyLanguage(final.locale);
      qc.clear();
      qc.setQueryData(ME_KEY, final);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useOneMutation({
    mutationFn: () => ok(client.POST('/api/auth/logout')),
    onSettled: () => {
      adopt(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

/** Switches the language; saved to the account when signed in, to this browser otherwise. */
export function useChangeLanguage() {
  const qc = useQueryClient();
  return useOneMutation({
    mutationFn: async (lang: Language) => {
      applyLanguage(lang);
      const me = qc.getQueryData<Me | null>(ME_KEY);
      if (!me) {
        try {
          sessionStorage.setItem(CHOSEN_KEY, lang);
        } catch {
          // ignore
        }
        return null;
      }
      const updated = await ok(client.PATCH('/api/auth/me', { body: { locale: lang } }));
      return adopt(updated);
    },
    onSuccess: (me) => {
      if (me) qc.setQueryData(ME_KEY, me);
    },
  });
}
