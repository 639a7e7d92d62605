import styles from './search.module.css';

/** A piece of a title or snippet (the schema's `TextFragment`). */
export interface Fragment {
  text: string;
  matched: boolean;
}

/**
 * A title or snippet as the index cut it: the matched pieces marked. The pieces are React
 * text, never HTML, so whatever a record holds is shown as typed.
 */
export function Highlighted({ fragments }: { fragments: readonly Fragment[] }) {
  return (
    <>
      {fragments.map((fragment, i) =>
        fragment.matched ? (
          <mark key={i} className={styles.mark}>
            {fragment.text}
          </mark>
        ) : (
          <span key={i}>{fragment.text}</span>
        ),
      )}
    </>
  );
}

/** The fragments' text, unmarked (for titles and labels that take a string). */
export function plainText(fragments: readonly Pick<Fragment, 'text'>[]): string {
  return fragments.map((f) => f.text).join('');
}
