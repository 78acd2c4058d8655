import type { MemoDocument } from '@saraban/document-render';

// Memos modelled on seeds 000 (อบต.คำพี่, headed body) and 002 (อบต.วังกระแจะ, endorsements
// dated ๑๓ เม.ย. ๖๘ and the mayor's order "ทราบ"), with the acting wording of domain.md.

export const SEED_DATE = new Date('2024-01-05T03:00:00Z'); // ๕ มกราคม ๒๕๖๗ in Bangkok
export const ENDORSED_AT = new Date('2025-04-13T02:00:00Z'); // ๑๓ เม.ย. ๖๘

export function seedMemo(overrides: Partial<MemoDocument> = {}): MemoDocument {
  return {
    organisation: { name: 'องค์การบริหารส่วนตำบลคำพี่', digits: 'thai' },
    urgency: 'normal',
    secrecy: 'normal',
    unitLine: 'งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลคำพี่ โทร. ๐๔๒-๐๖๑-๒๒๖',
    documentNo: 'นพ ๗๑๕๐๑/๙๓๕',
    date: SEED_DATE,
    subject: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมจริยธรรมฯ ประจำปีฯ พ.ศ. ๒๕๖๖',
    addressee: 'นายกองค์การบริหารส่วนตำบลคำพี่',
    body: [
      { type: 'heading', text: 'เรื่องเดิม' },
      {
        type: 'paragraph',
        text:
          'ตามที่ องค์การบริหารส่วนตำบลคำพี่ ได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ' +
          '(Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ที่ผ่านมา เพื่อส่งเสริมให้องค์กรปฏิบัติงาน' +
          'และบริการประชาชนด้วยคุณธรรม มีความโปร่งใสตรวจสอบได้ นั้น',
      },
      { type: 'heading', text: 'ข้อเท็จจริง' },
      {
        type: 'paragraph',
        text:
          'บัดนี้ องค์การบริหารส่วนตำบลคำพี่ ได้ดำเนินการจัดทำรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส' +
          'ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ เสร็จเรียบร้อยแล้ว รายละเอียดปรากฏเอกสารที่แนบท้ายนี้',
      },
      { type: 'heading', text: 'ข้อระเบียบ/กฎหมาย' },
      {
        type: 'numbered',
        items: [
          'แผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็น การต่อต้านการทุจริตและประพฤติมิชอบ (๒๕๖๑-๒๕๘๐)',
          'หลักเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
        ],
      },
      { type: 'heading', text: 'ข้อเสนอ/ข้อพิจารณา' },
      {
        type: 'paragraph',
        text:
          'ดังนั้น เพื่อให้การดำเนินการเป็นไปด้วยความเรียบร้อย งานนิติการ จึงขอรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม' +
          'และความโปร่งใสในหน่วยงาน และเผยแพร่ประชาสัมพันธ์ในเว็บไซต์ของหน่วยงาน www.kumpee.go.th ต่อไป',
      },
    ],
    closing: 'จึงเรียนมาเพื่อโปรดทราบและประชาสัมพันธ์',
    author: { name: 'นางสาวอมรรัตน์ วงศ์อุตติ', positionLines: ['นิติกรปฏิบัติการ'] },
    endorsements: [
      {
        heading: 'ความเห็นของหัวหน้าสำนักปลัด',
        text: 'เห็นควรนำเรียนนายกองค์การบริหารส่วนตำบลเพื่อโปรดทราบ\nและอนุญาตให้เผยแพร่บนเว็บไซต์ของหน่วยงาน',
        signer: { name: 'นายสมประสงค์ วีระวัฒน์', positionLines: ['หัวหน้าสำนักปลัด'] },
        date: ENDORSED_AT,
      },
      {
        heading: 'ความเห็นของปลัดองค์การบริหารส่วนตำบล',
        text: 'เห็นควรอนุญาต',
        signer: {
          name: 'นายสมประสงค์ วีระวัฒน์',
          positionLines: ['หัวหน้าสำนักปลัด รักษาราชการแทน', 'ปลัดองค์การบริหารส่วนตำบลคำพี่'],
        },
        date: ENDORSED_AT,
      },
      {
        heading: 'ความเห็น/คำสั่งนายกองค์การบริหารส่วนตำบล',
        text: 'ทราบ อนุญาต',
        signer: { name: 'นายกนก ใจรักษ์', positionLines: ['นายกองค์การบริหารส่วนตำบลคำพี่'] },
        date: ENDORSED_AT,
      },
    ],
    reportTables: [],
    pdfAttachments: [],
    verification: { url: 'https://saraban.example/v/K7Q2M9', shortCode: 'K7Q2M9' },
    ...overrides,
  };
}
