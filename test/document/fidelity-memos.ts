import type { MemoDocument, MemoEndorsement, MemoReportTable } from '@saraban/document-render';
import { SEED_000, SEED_002_TABLE } from '../memo/seed-memos';
import { ENDORSED_AT, seedMemo } from './memo-fixtures';

// The memos the fidelity suite prints: modelled on the three seeds in shared/seeds (000: the
// headed body of อบต.คำพี่ with its measure table; 001: an ITA report of อบต.เมืองไผ่ as
// attachments; 002: the memo of อบต.วังกระแจะ with three endorsements dated ๑๓ เม.ย. ๖๘ and the
// mayor's "ทราบ") and on long, table-heavy and acting-chain variants.

const WANG = 'องค์การบริหารส่วนตำบลวังกระแจะ';

const SEED_002_BODY: MemoDocument['body'] = [
  {
    type: 'paragraph',
    text:
      `ตามคำสั่ง${WANG} ที่ ๗๙๙/๒๕๖๗ เรื่อง คณะทำงานเพื่อสนับสนุนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน` +
      `ของ${WANG} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ แล้วรายงานผลการวิเคราะห์พร้อมสรุปผลการประชุมให้นายก${WANG}ทราบ นั้น`,
  },
  {
    type: 'paragraph',
    text:
      'คณะทำงานตามคำสั่งดังกล่าวได้ดำเนินการประชุมคณะทำงานเพื่อสนับสนุนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน' +
      `ของ${WANG} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ครั้งที่ ๒ เมื่อวันที่ ๓ เมษายน ๒๕๖๘ ` +
      '(รายละเอียดปรากฏตามรายงานการประชุมที่แนบมาพร้อมนี้)',
  },
];

function endorsement(heading: string, text: string, name: string, positionLines: string[]): MemoEndorsement {
  return { heading, text, signer: { name, positionLines }, date: ENDORSED_AT };
}

/** Seed 000: อบต.คำพี่, the headed body, three endorsements (one acting), the measure table. */
export function seed000Memo(): MemoDocument {
  return seedMemo({
    subject: SEED_000.subject,
    body: SEED_000.body as MemoDocument['body'],
    reportTables: [
      {
        title:
          'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\nองค์การบริหารส่วนตำบลคำพี่ อำเภอนาแก จังหวัดนครพนม\nประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
        columns: SEED_000.table.columns,
        rows: SEED_000.table.rows,
      },
    ],
  });
}

/** Seed 002: อบต.วังกระแจะ, the assistant legal officer's memo, the head of office endorsing without an opinion. */
export function seed002Memo(): MemoDocument {
  return seedMemo({
    organisation: { name: WANG, digits: 'thai' },
    unitLine: `สำนักปลัด ${WANG}`,
    documentNo: 'ตร ๗๑๐๐๑/๔๑๒',
    date: new Date('2025-04-09T03:00:00Z'),
    subject: `รายงานการประชุมคณะทำงานเพื่อสนับสนุนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${WANG} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘`,
    addressee: `นายก${WANG}`,
    body: SEED_002_BODY,
    closing: 'จึงเรียนมาเพื่อโปรดทราบ',
    author: { name: 'นางสาวฉัญญุรัตน์ อิ่มสมบัติ', positionLines: ['ผู้ช่วยนิติกร'] },
    endorsements: [
      endorsement('ความเห็นของหัวหน้าสำนักปลัด', '', 'นายสมชาย ทองดี', ['หัวหน้าสำนักปลัด']),
      endorsement('ความเห็นของปลัดองค์การบริหารส่วนตำบล', 'เห็นควรทราบ', 'นางสาวสุภาพร ศรีสุข', [`ปลัด${WANG}`]),
      endorsement('ความเห็น/คำสั่งนายกองค์การบริหารส่วนตำบล', 'ทราบ', 'นายกนก ใจรักษ์', [`นายก${WANG}`]),
    ],
    reportTables: [
      {
        title: `รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส\nของ${WANG}\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘`,
        ...SEED_002_TABLE,
      },
    ],
  });
}

/** Seed 001: อบต.เมืองไผ่'s ITA report as short attachments (each a few rows: they share pages). */
export function seed001Memo(): MemoDocument {
  const tables: MemoReportTable[] = [
    {
      title: 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล\nองค์การบริหารส่วนตำบลเมืองไผ่ อำเภอกระสัง จังหวัดบุรีรัมย์',
      columns: ['ข้อ', 'ข้อมูล', 'สถานะการเผยแพร่', 'คะแนน'],
      rows: [
        ['o1', 'โครงสร้างหน่วยงาน', 'เผยแพร่แล้ว', '๑๐๐'],
        ['o2', 'ข้อมูลผู้บริหาร', 'เผยแพร่แล้ว', '๑๐๐'],
        ['o3', 'อำนาจหน้าที่', 'เผยแพร่แล้ว', '๑๐๐'],
      ],
    },
    {
      title: 'ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต',
      columns: ['ข้อ', 'ข้อมูล', 'สถานะการเผยแพร่', 'คะแนน'],
      rows: [
        ['o25', 'แผนปฏิบัติการป้องกันการทุจริต', 'เผยแพร่แล้ว', '๑๐๐'],
        ['o26', 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี', 'อยู่ระหว่างดำเนินการ', '๕๐'],
      ],
    },
    {
      title: 'สรุปผลคะแนนรายตัวชี้วัด',
      columns: ['ตัวชี้วัด', 'คะแนนเต็ม', 'คะแนนที่ได้', 'ผู้รับผิดชอบ'],
      rows: [
        ['การปฏิบัติหน้าที่', '๑๐๐', '๙๔.๕๐', 'สำนักปลัด'],
        ['การใช้งบประมาณ', '๑๐๐', '๘๘.๒๕', 'กองคลัง'],
      ],
    },
  ];
  return seedMemo({
    organisation: { name: 'องค์การบริหารส่วนตำบลเมืองไผ่', digits: 'thai' },
    unitLine: 'สำนักปลัด องค์การบริหารส่วนตำบลเมืองไผ่ โทร. ๐๔๔-๖๖๖-๑๒๓',
    subject: 'รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗',
    addressee: 'นายกองค์การบริหารส่วนตำบลเมืองไผ่',
    reportTables: tables,
  });
}

/** About thirty pages: the seeds' paragraphs again and again, headings between them. */
export function longMemo(): MemoDocument {
  const paragraphs = [
    ...SEED_000.body.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text),
    ...SEED_002_BODY.map((b) => (b as { text: string }).text),
  ];
  const numbered = SEED_000.body.find((b) => b.type === 'numbered') as { type: 'numbered'; items: string[] };
  const body: MemoDocument['body'] = [];
  for (let i = 0; i < 140; i++) {
    if (i % 7 === 0)
      body.push({ type: 'heading', text: `ส่วนที่ ${i / 7 + 1} ข้อเท็จจริงและรายละเอียดการดำเนินการ` });
    body.push({ type: 'paragraph', text: paragraphs[i % paragraphs.length] });
    if (i % 11 === 5) body.push({ type: 'numbered', items: [...numbered.items] });
  }
  return seedMemo({ body });
}

/** Many tables: narrow columns of long words, a multi-line title, a table of 120 rows. */
export function tableHeavyMemo(): MemoDocument {
  const narrow: MemoReportTable = {
    title: 'แผนการดำเนินงาน\nองค์การบริหารส่วนตำบลคำพี่ อำเภอนาแก จังหวัดนครพนม',
    columns: [
      'ลำดับ',
      'มาตรการ/กิจกรรม',
      'ผู้รับผิดชอบ',
      'ระยะเวลาดำเนินการ',
      'งบประมาณ',
      'ตัวชี้วัด',
      'ค่าเป้าหมาย',
      'ผลการดำเนินการ',
      'ผลสัมฤทธิ์',
      'ปัญหาอุปสรรค',
      'ข้อเสนอแนะ',
      'หมายเหตุ',
    ],
    rows: Array.from({ length: 20 }, (_, i) => [
      `${i + 1}`,
      'โครงการส่งเสริมคุณธรรมจริยธรรมของผู้บริหารและเจ้าหน้าที่',
      'ผู้อำนวยการกองคลัง',
      'ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘',
      '๒๐,๐๐๐',
      'ร้อยละของผู้เข้าร่วม',
      'ร้อยละ ๘๐',
      'ดำเนินการแล้วเสร็จ',
      'ผู้เข้าร่วมมีความรู้ความเข้าใจ',
      'ระยะเวลาดำเนินการจำกัด',
      'ควรจัดให้มีการประชาสัมพันธ์',
      'รายละเอียดตามเอกสารแนบ',
    ]),
  };
  const long: MemoReportTable = {
    title: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    columns: SEED_002_TABLE.columns,
    rows: Array.from({ length: 60 }, (_, i) => SEED_002_TABLE.rows[i % 2]),
  };
  return seedMemo({ reportTables: [narrow, long, ...seed001Memo().reportTables] });
}

/** Every level signed by someone acting: long position titles, the acting phrase on each. */
export function actingChainMemo(): MemoDocument {
  const org = 'เทศบาลเมืองตากใบ';
  return seedMemo({
    organisation: { name: org, digits: 'thai' },
    unitLine: `งานนิติการ สำนักปลัดเทศบาล${org} โทร. ๐๗๓-๕๘๑-๐๐๐`,
    addressee: `นายกเทศมนตรี${org}`,
    author: {
      name: 'นางสาวอมรรัตน์ วงศ์อุตติ',
      positionLines: ['นิติกรชำนาญการ ปฏิบัติราชการแทน', `หัวหน้าฝ่ายนิติการ สำนักปลัดเทศบาล${org}`],
    },
    endorsements: [
      endorsement(
        'ความเห็นของหัวหน้าสำนักปลัดเทศบาล',
        'เห็นควรนำเรียนนายกเทศมนตรีเพื่อโปรดพิจารณาอนุญาตให้เผยแพร่บนเว็บไซต์ของหน่วยงานต่อไป',
        'นายสมประสงค์ วีระวัฒน์',
        ['นักจัดการงานทั่วไปชำนาญการ รักษาการในตำแหน่ง', `หัวหน้าสำนักปลัดเทศบาล${org}`],
      ),
      endorsement('ความเห็นของปลัดเทศบาล', 'เห็นควรอนุญาต', 'นายสมประสงค์ วีระวัฒน์', [
        'หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน',
        `ปลัดเทศบาล${org}`,
      ]),
      endorsement('ความเห็นของรองนายกเทศมนตรี', 'เห็นควรอนุญาต', 'นายวิชัย ศรีสวัสดิ์', [
        'รองนายกเทศมนตรี ปฏิบัติราชการแทน',
        `นายกเทศมนตรี${org}`,
      ]),
      endorsement('ความเห็น/คำสั่งนายกเทศมนตรี', 'อนุญาต', 'นายวิชัย ศรีสวัสดิ์', [
        'รองนายกเทศมนตรี รักษาราชการแทน',
        `นายกเทศมนตรี${org}`,
      ]),
    ],
  });
}

export const FIDELITY_MEMOS: { name: string; memo: () => MemoDocument }[] = [
  { name: 'seed 000 (อบต.คำพี่)', memo: seed000Memo },
  { name: 'seed 001 (อบต.เมืองไผ่, short tables)', memo: seed001Memo },
  { name: 'seed 002 (อบต.วังกระแจะ, an endorsement without opinion)', memo: seed002Memo },
  { name: 'long (about 30 pages)', memo: longMemo },
  { name: 'table-heavy', memo: tableHeavyMemo },
  { name: 'acting chain', memo: actingChainMemo },
];
