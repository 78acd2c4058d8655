import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project root: the nearest folder above this file that holds package.json. The same code
 * runs from `libs/web/src` (ts) and from `dist/libs/web/src` (built), so a fixed `../..` would not do.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Where the interface's views and its stylesheet and script live. */
export function webTemplatesDir(): string {
  return path.join(projectRoot(), 'templates', 'web');
}
