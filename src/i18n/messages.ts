/** The texts a block shows besides the feed's own, per language. */
export interface Messages {
  heading: string;
  loading: string;
  empty: string;
  error: string;
  stale: string;
}

const en: Messages = {
  heading: 'Latest news',
  loading: 'Loading the latest news…',
  empty: 'No news yet.',
  error: 'The news could not be loaded. Trying again…',
  stale: 'Not up to date — reconnecting…',
};

const catalog: Record<string, Messages> = {
  en,
  nl: {
    heading: 'Laatste nieuws',
    loading: 'Het laatste nieuws wordt geladen…',
    empty: 'Nog geen berichten.',
    error: 'Het nieuws kon niet worden geladen. We proberen het opnieuw…',
    stale: 'Niet actueel — opnieuw verbinden…',
  },
  de: {
    heading: 'Neueste Meldungen',
    loading: 'Die neuesten Meldungen werden geladen…',
    empty: 'Noch keine Meldungen.',
    error: 'Die Meldungen konnten nicht geladen werden. Neuer Versuch…',
    stale: 'Nicht aktuell — Verbindung wird wiederhergestellt…',
  },
  fr: {
    heading: 'Dernières infos',
    loading: 'Chargement des dernières infos…',
    empty: 'Aucune info pour le moment.',
    error: 'Impossible de charger les infos. Nouvel essai…',
    stale: 'Pas à jour — reconnexion…',
  },
};

/** Messages for a BCP 47 tag, by its primary language; English when we do not speak it. */
export function messagesFor(lang: string): Messages {
  return catalog[lang.toLowerCase().split('-')[0]!] ?? en;
}
