import { readCatalogueForm } from './catalogue.form';

describe('the open-data catalogue form (read with the API’s schemas)', () => {
  it('reads one "code title" a line, blank lines passed over', () => {
    expect(
      readCatalogueForm({ fiscalYear: ' 2569 ', items: 'o27  มาตรการ ส่งเสริม\r\n\r\no28 รายงานผล\n' }),
    ).toEqual({
      ok: true,
      body: {
        fiscalYear: 2569,
        items: [
          { code: 'o27', title: 'มาตรการ ส่งเสริม' },
          { code: 'o28', title: 'รายงานผล' },
        ],
      },
    });
  });

  it.each([
    [{ fiscalYear: '2400', items: 'o1 ก' }, 'ปีงบประมาณต้องเป็นปี พ.ศ. 2484–2800'],
    [{ fiscalYear: 'สองห้า', items: 'o1 ก' }, 'ปีงบประมาณต้องเป็นปี พ.ศ. 2484–2800'],
    [{ fiscalYear: '2569', items: ' \n ' }, 'กรุณากรอกหมวดข้อมูล บรรทัดละหนึ่งหมวด'],
    [
      { fiscalYear: '2569', items: 'o1 ก\nbad line' },
      'บรรทัด "bad line": รหัสหมวดข้อมูลต้องเป็น o ตามด้วยตัวเลข เช่น o28',
    ],
    [{ fiscalYear: '2569', items: 'o1' }, 'บรรทัด "o1": กรุณากรอกชื่อหมวด'],
    [{ fiscalYear: '2569', items: 'o1 ก\no1 ข' }, 'บรรทัด "o1 ข": รหัสหมวด o1 ซ้ำกัน'],
    [
      { fiscalYear: '2569', items: Array.from({ length: 201 }, (_, i) => `o${i} ก`).join('\n') },
      'หมวดข้อมูลมีได้ไม่เกิน 200 หมวด',
    ],
  ])('refuses %j: %s', (posted, problem) => {
    expect(readCatalogueForm(posted)).toEqual({ ok: false, problem });
  });
});
