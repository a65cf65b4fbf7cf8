/** What the shell gives every page: the hash path after the page's own segment, and the hash query. */
export type PageProps = {
  /** `#/medlemmar/org-12/kontakter` gives `['org-12', 'kontakter']` to the Medlemmar page. */
  params: readonly string[];
  /** `#/medlemmar?sok=borås` gives `sok=borås`. */
  query: URLSearchParams;
};
