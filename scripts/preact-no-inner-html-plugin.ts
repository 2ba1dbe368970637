/** Preact's builds (module, mjs, cjs); the plugin touches nothing else. */
const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:module\.js|mjs|js)(?:\?|$)/;

/** The one place Preact writes HTML: `dom.innerHTML = newHtml.__html` (minified names vary by release). */
const HTML_WRITE = /([\w$]+)\.innerHTML=([\w$]+)\.__html/g;

const REFUSE = '(()=>{throw new Error("dangerouslySetInnerHTML is not allowed: render text as text")})()';

/**
 * Takes Preact's `dangerouslySetInnerHTML` write out of the bundle. Our code never uses the prop
 * (ESLint's no-restricted-syntax forbids it), so the path was dead; left in, addons-linter reports it
 * as UNSAFE_VAR_ASSIGNMENT, and a reviewer has to take our word that it is unreachable. Replaced, a
 * use that slipped in would throw instead of writing HTML. If a Preact release reshapes that line,
 * the build fails here rather than shipping the write again.
 */
export function preactNoInnerHtml() {
  return {
    name: 'benelux-glossary:preact-no-inner-html',
    enforce: 'pre' as const,
    transform(this: { error(message: string): never }, code: string, id: string) {
      if (!PREACT_DIST.test(id)) return undefined;
      const writes = code.match(HTML_WRITE)?.length ?? 0;
      if (writes !== 1) {
        this.error(`${id}: expected one dangerouslySetInnerHTML write, found ${writes}; update ${import.meta.url}`);
      }
      return { code: code.replace(HTML_WRITE, REFUSE), map: null };
    },
  };
}
