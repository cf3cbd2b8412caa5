// Relative links in markdown, checked the way GitHub renders them: a link's file must exist, and its
// `#anchor` must be the slug of a heading in that file (headings inside code fences are not headings).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface MarkdownLink {
  /** The file the link is in, relative to the root. */
  file: string;
  line: number;
  target: string;
}

/** Lines outside fenced code blocks (``` or ~~~, three or more, closed by a fence of the same kind at least as long). */
function proseLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | undefined;
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
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a file's headings make, with GitHub's -1, -2 … for repeats. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
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
export function relativeLinksOf(markdown: string, file: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
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
export function brokenLinks(root: string, files: string[]): string[] {
  const broken: string[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (path: string) => {
    let anchors = anchorCache.get(path);
    if (!anchors) {
      anchors = anchorsOf(readFileSync(path, 'utf8'));
      anchorCache.set(path, anchors);
    }
    return anchors;
  };
  for (const file of files) {
    const from = join(root, file);
    for (const link of relativeLinksOf(readFileSync(from, 'utf8'), file)) {
      const [pathPart = '', anchor] = link.target.split('#', 2);
      const path = pathPart ? resolve(dirname(from), decodeURIComponent(pathPart)) : from;
      const where = `${link.file}:${link.line} ${link.target}`;
      if (relative(root, path).startsWith('..')) broken.push(`${where}: outside the repository`);
      else if (!existsSync(path)) broken.push(`${where}: no such file`);
      else if (anchor !== undefined) {
        if (statSync(path).isDirectory() || !path.endsWith('.md'))
          broken.push(`${where}: an anchor into a non-markdown file`);
        else if (!anchorsIn(path).has(decodeURIComponent(anchor))) broken.push(`${where}: no heading with that anchor`);
      }
    }
  }
  return broken;
}
