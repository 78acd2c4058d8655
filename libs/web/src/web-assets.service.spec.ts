import { WebAssets } from './web-assets.service';

describe('WebAssets (the stylesheet with its font faces)', () => {
  it('writes one @font-face a Sarabun subset and weight ahead of app.css, naming files it serves', () => {
    const assets = new WebAssets();
    const css = assets.read('app.css')!.bytes.toString('utf8');
    const faces = css.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(4);
    expect(css.indexOf(':root {')).toBeGreaterThan(css.lastIndexOf('@font-face'));
    const files = faces.flatMap((f) =>
      [...f.matchAll(/url\(\/app\/assets\/fonts\/([^)]+)\)/g)].map((m) => m[1]),
    );
    expect(files).toEqual([
      'sarabun-thai-400-normal.woff2',
      'sarabun-thai-400-normal.woff',
      'sarabun-latin-400-normal.woff2',
      'sarabun-latin-400-normal.woff',
      'sarabun-thai-700-normal.woff2',
      'sarabun-thai-700-normal.woff',
      'sarabun-latin-700-normal.woff2',
      'sarabun-latin-700-normal.woff',
    ]);
    for (const name of files) expect(assets.read(name)?.bytes.length).toBeGreaterThan(1000);
    expect(faces.map((f) => /font-weight: (\d+)/.exec(f)?.[1])).toEqual(['400', '400', '700', '700']);
  });
});
