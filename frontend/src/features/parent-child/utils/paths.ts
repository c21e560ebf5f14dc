/** The addresses of the parent's screens about one child. */
export function childPaths(childId: string) {
  const base = `/ouder/kinderen/${childId}`;
  return {
    overview: base,
    consents: `${base}/toestemming`,
    accessLog: `${base}/bekeken`,
    absence: `${base}/afmelden`,
    activities: `${base}/activiteiten`,
    myData: `${base}/gegevens`,
  };
}
