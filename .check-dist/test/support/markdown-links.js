Object.defineProperty(exports, '__esModule', { value: true });
exports.slug = slug;
exports.anchorsOf = anchorsOf;
exports.relativeLinksOf = relativeLinksOf;
exports.brokenLinks = brokenLinks;
// Relative links in markdown, checked the way GitHub renders them: a link's file must exist, and its
// `#anchor` must be the slug of a heading in that file (headings inside code fences are not headings).
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
/** Lines outside fenced code blocks (``` or ~~~, three or more, closed by a fence of the same kind at least as long). */
function proseLines(text) {
  const out = [];
  let fence;
  text.split('\n').forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      out.push({ text: line, line: i + 1 });
    }
  });
  return out;
}
/** GitHub's heading anchor: lowercase, punctuation dropped (letters, digits, spaces, - and _ stay), spaces to -. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
/** Every anchor a file's headings make, with GitHub's -1, -2 … for repeats. */
function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const { text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}
/** Links that stay in the repository: inline `[text](target)` and reference definitions `[label]: target`. */
function relativeLinksOf(markdown, file) {
  const links = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    const targets = [
      ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
      ...[...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1]),
    ];
    for (const target of targets) {
      if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ file, line, target });
    }
  }
  return links;
}
/** What is wrong with each broken link of the given files (paths relative to `root`), as `file:line target: why`. */
function brokenLinks(root, files) {
  const broken = [];
  const anchorCache = new Map();
  const anchorsIn = (path) => {
    let anchors = anchorCache.get(path);
    if (!anchors) {
      anchors = anchorsOf((0, node_fs_1.readFileSync)(path, 'utf8'));
      anchorCache.set(path, anchors);
    }
    return anchors;
  };
  for (const file of files) {
    const from = (0, node_path_1.join)(root, file);
    for (const link of relativeLinksOf((0, node_fs_1.readFileSync)(from, 'utf8'), file)) {
      const [pathPart = '', anchor] = link.target.split('#', 2);
      const path = pathPart
        ? (0, node_path_1.resolve)((0, node_path_1.dirname)(from), decodeURIComponent(pathPart))
        : from;
      const where = `${link.file}:${link.line} ${link.target}`;
      if ((0, node_path_1.relative)(root, path).startsWith('..')) broken.push(`${where}: outside the repository`);
      else if (!(0, node_fs_1.existsSync)(path)) broken.push(`${where}: no such file`);
      else if (anchor !== undefined) {
        if ((0, node_fs_1.statSync)(path).isDirectory() || !path.endsWith('.md'))
          broken.push(`${where}: an anchor into a non-markdown file`);
        else if (!anchorsIn(path).has(decodeURIComponent(anchor))) broken.push(`${where}: no heading with that anchor`);
      }
    }
  }
  return broken;
}
//# sourceMappingURL=markdown-links.js.map
