import { cached } from './intl-cache.js';

/** The texts a block shows besides the feed's own, per language. */
export interface Messages {
  heading: string;
  loading: string;
  empty: string;
  error: string;
  stale: string;
  /** The pause button's name; `aria-pressed` says whether it is paused (a toggle keeps its name). */
  pause: string;
  /** The marker before a breaking item, and the word its announcement starts with. */
  breaking: string;
  /** The name of a pinned item's pin. */
  pinned: string;
  /** A correction's label; `{t}` is when ("4 minutes ago"). Its first word, capitalised, announces one. */
  updated: string;
  /** The control under the list that adds older items. */
  more: string;
  /** "N new items" by plural category (Intl.PluralRules); `{n}` is the count. */
  newItems: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

const en: Messages = {
  heading: 'Latest news',
  loading: 'Loading the latest news…',
  empty: 'No news yet.',
  error: 'The news could not be loaded. Trying again…',
  stale: 'Not up to date — reconnecting…',
  pause: 'Pause updates',
  breaking: 'Breaking',
  pinned: 'Pinned',
  updated: 'updated {t}',
  more: 'Older items',
  newItems: { one: '1 new item', other: '{n} new items' },
};

const catalog: Record<string, Messages> = {
  en,
  nl: {
    heading: 'Laatste nieuws',
    loading: 'Het laatste nieuws wordt geladen…',
    empty: 'Nog geen berichten.',
    error: 'Het nieuws kon niet worden geladen. We proberen het opnieuw…',
    stale: 'Niet actueel — opnieuw verbinden…',
    pause: 'Updates pauzeren',
    breaking: 'Net binnen',
    pinned: 'Vastgezet',
    updated: 'bijgewerkt {t}',
    more: 'Oudere berichten',
    newItems: { one: '1 nieuw bericht', other: '{n} nieuwe berichten' },
  },
  de: {
    heading: 'Neueste Meldungen',
    loading: 'Die neuesten Meldungen werden geladen…',
    empty: 'Noch keine Meldungen.',
    error: 'Die Meldungen konnten nicht geladen werden. Neuer Versuch…',
    stale: 'Nicht aktuell — Verbindung wird wiederhergestellt…',
    pause: 'Aktualisierung anhalten',
    breaking: 'Eilmeldung',
    pinned: 'Angeheftet',
    updated: 'aktualisiert {t}',
    more: 'Ältere Meldungen',
    newItems: { one: '1 neue Meldung', other: '{n} neue Meldungen' },
  },
  fr: {
    heading: 'Dernières infos',
    loading: 'Chargement des dernières infos…',
    empty: 'Aucune info pour le moment.',
    error: 'Impossible de charger les infos. Nouvel essai…',
    stale: 'Pas à jour — reconnexion…',
    pause: 'Suspendre les mises à jour',
    breaking: 'Alerte info',
    pinned: 'Épinglé',
    updated: 'mis à jour {t}',
    more: 'Infos plus anciennes',
    newItems: { one: '{n} nouvelle info', other: '{n} nouvelles infos' },
  },
  ar: {
    heading: 'آخر الأخبار',
    loading: 'جارٍ تحميل آخر الأخبار…',
    empty: 'لا توجد أخبار بعد.',
    error: 'تعذّر تحميل الأخبار. جارٍ إعادة المحاولة…',
    stale: 'غير محدَّث — جارٍ إعادة الاتصال…',
    pause: 'إيقاف التحديثات مؤقتًا',
    breaking: 'عاجل',
    pinned: 'مثبّت',
    updated: 'حُدِّث {t}',
    more: 'أخبار أقدم',
    newItems: {
      zero: 'لا أخبار جديدة',
      one: 'خبر جديد واحد',
      two: 'خبران جديدان',
      few: '{n} أخبار جديدة',
      many: '{n} خبرًا جديدًا',
      other: '{n} خبر جديد',
    },
  },
  he: {
    heading: 'חדשות אחרונות',
    loading: 'טוען את החדשות האחרונות…',
    empty: 'אין עדיין חדשות.',
    error: 'לא ניתן לטעון את החדשות. מנסה שוב…',
    stale: 'לא מעודכן — מתחבר מחדש…',
    pause: 'השהיית עדכונים',
    breaking: 'מבזק',
    pinned: 'נעוץ',
    updated: 'עודכן {t}',
    more: 'ידיעות קודמות',
    newItems: { one: 'ידיעה חדשה אחת', two: '2 ידיעות חדשות', other: '{n} ידיעות חדשות' },
  },
};

/** Messages for a BCP 47 tag, by its primary language; English when we do not speak it. */
export function messagesFor(lang: string): Messages {
  return catalog[lang.toLowerCase().split('-')[0]!] ?? en;
}

/** "3 nieuwe berichten": the count in the language's plural form. */
export function newItemsText(lang: string, count: number): string {
  const messages = messagesFor(lang);
  const rules = cached(`p|${lang}`, () => {
    try {
      return new Intl.PluralRules(lang);
    } catch {
      return new Intl.PluralRules('en');
    }
  });
  const form = messages.newItems[rules.select(count)] ?? messages.newItems.other;
  return form.replace('{n}', new Intl.NumberFormat(rules.resolvedOptions().locale).format(count));
}
