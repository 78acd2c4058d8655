import Handlebars from 'handlebars';
import { registerTemplateHelpers } from './template-helpers.util';

describe('template helpers', () => {
  const hbs = Handlebars.create();
  registerTemplateHelpers(hbs);

  it('paragraphs: one escaped <p> per non-empty line', () => {
    const render = hbs.compile('{{paragraphs text class="opinion"}}');
    expect(render({ text: 'ทราบ\r\n\n  <b>อนุมัติ</b>  \n' })).toBe(
      '<p class="opinion">ทราบ</p>\n<p class="opinion">  &lt;b&gt;อนุมัติ&lt;/b&gt;</p>',
    );
    expect(render({ text: undefined })).toBe('');
  });

  it('paragraphs: the class is escaped too', () => {
    expect(hbs.compile('{{paragraphs text class=cls}}')({ text: 'x', cls: '"><script>' })).toBe(
      '<p class="&quot;&gt;&lt;script&gt;">x</p>',
    );
  });

  it('lines: escaped lines joined with <br>', () => {
    expect(hbs.compile('{{lines text}}')({ text: '๑. ก\n<i>๒</i>' })).toBe('๑. ก<br>&lt;i&gt;๒&lt;/i&gt;');
  });
});
