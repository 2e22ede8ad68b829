const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** An ISO 8601 duration of weeks, days, hours, minutes and seconds ("P7D", "PT12H") in ms; undefined when unreadable. */
export function parseDuration(value: string | null | undefined): number | undefined {
  const match = value ? DURATION.exec(value.trim()) : null;
  if (!match || value!.trim().toUpperCase() === 'P' || /T$/i.test(value!.trim())) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}
