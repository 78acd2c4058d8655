import Handlebars from 'handlebars';
import { registerTemplateHelpers } from './template-helpers.util';

describe('template helpers', () => {
  const hbs = Handlebars.create();
  registerTemplateHelpers(hbs);

  it('paragraphs: one escaped <p> per non-empty line', () => {
    const render = hbs.compile('{{paragraphs text class="opinion"}}');
    expect(
      render({ text: 'ทราบ\r\n\n  <b>อนุมัติ</b>  \n' }).replace(/<wbr>|<span class="keep">|<\/span>/g, ''),
    ).toBe('<p class="opinion">ทราบ</p>\n<p class="opinion">  &lt;b&gt;อนุมัติ&lt;/b&gt;</p>');
    expect(render({ text: undefined })).toBe('');
  });

  it('paragraphs: the class is escaped too', () => {
    expect(hbs.compile('{{paragraphs text class=cls}}')({ text: 'x', cls: '"><script>' })).toBe(
      '<p class="&quot;&gt;&lt;script&gt;">x</p>',
    );
  });

  it('lines: escaped lines joined with <br>', () => {
    expect(
      hbs
        .compile('{{lines text}}')({ text: '๑. ก\n<i>๒</i>' })
        .replace(/<wbr>|<span class="keep">|<\/span>/g, ''),
    ).toBe('๑. ก<br>&lt;i&gt;๒&lt;/i&gt;');
  });

  it('words: a break opportunity between Thai words only, dates and the acting phrase kept whole', () => {
    const html = hbs.compile('{{words text}}')({
      text: 'รายละเอียดผู้รับผิดชอบ รักษาราชการแทน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
      organisationName: 'x',
    });
    expect(html).toBe(
      '<span class="keep">รายละเอียด</span><wbr><span class="keep">ผู้รับผิดชอบ</span> <span class="keep">รักษาราชการแทน</span> ประจำ<wbr>ปีงบประมาณ <span class="keep">พ.ศ. ๒๕๖๘</span>',
    );
  });

  it("words: the organisation's name is kept whole; personName breaks only at spaces", () => {
    const render = hbs.compile('{{words position}}|{{personName name}}');
    expect(
      render({
        position: 'ปลัดองค์การบริหารส่วนตำบลคำพี่',
        name: 'นางสาวอมรรัตน์ วงศ์อุตติ',
        organisationName: 'องค์การบริหารส่วนตำบลคำพี่',
      }),
    ).toBe(
      'ปลัด<wbr><span class="keep">องค์การบริหารส่วนตำบลคำพี่</span>|<span class="keep">นางสาวอมรรัตน์</span> <span class="keep">วงศ์อุตติ</span>',
    );
  });
});
