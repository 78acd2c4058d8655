/**
 * The OIT items of the ITA assessment as in fiscal year 2568 (domain.md). The numbering changes
 * between years, so this is only the starting point: an organisation keeps its own catalogue per
 * fiscal year (oit_catalogue_items) and this list applies to years it has not set.
 */
export const DEFAULT_OIT_CATALOGUE: readonly { code: string; title: string }[] = [
  { code: 'o1', title: 'โครงสร้าง' },
  { code: 'o2', title: 'ข้อมูลผู้บริหาร' },
  { code: 'o3', title: 'ข้อมูลการติดต่อ' },
  { code: 'o4', title: 'ข่าวประชาสัมพันธ์' },
  { code: 'o8', title: 'คู่มือหรือมาตรฐานการปฏิบัติงาน' },
  { code: 'o9', title: 'คู่มือหรือมาตรฐานการให้บริการ' },
  { code: 'o10', title: 'E-Service' },
  { code: 'o11', title: 'ข้อมูลเชิงสถิติการให้บริการ' },
  { code: 'o12', title: 'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ' },
  { code: 'o13', title: 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี' },
  { code: 'o14', title: 'นโยบายหรือแผนการบริหารและพัฒนาทรัพยากรบุคคล' },
  { code: 'o15', title: 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี' },
  { code: 'o16', title: 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ' },
  { code: 'o17', title: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ' },
  { code: 'o18', title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ' },
  { code: 'o19', title: 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ' },
  { code: 'o20', title: 'การเปิดโอกาสให้เกิดการมีส่วนร่วม' },
  { code: 'o21', title: 'ประกาศเจตนารมณ์นโยบาย No Gift Policy' },
  { code: 'o22', title: 'รายงานผลการปฏิบัติตามนโยบาย No Gift Policy (การรับของขวัญ)' },
  { code: 'o23', title: 'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี' },
  { code: 'o24', title: 'การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ' },
  { code: 'o25', title: 'แผนปฏิบัติการป้องกันการทุจริต' },
  { code: 'o26', title: 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี' },
  { code: 'o27', title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' },
  { code: 'o28', title: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' },
];
