import type { Page } from 'playwright-core';

/** On a draft's edit page: a PDF attached under a title, once the page says it is attached. */
export async function attachPdf(
  page: Page,
  title: string,
  file: { name: string; buffer: Buffer },
): Promise<void> {
  await page.getByLabel('ชื่อสิ่งที่แนบ').fill(title);
  await page
    .getByLabel('ไฟล์ PDF')
    .setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
  await Promise.all([
    page.waitForURL('**done=attached**'),
    page.getByRole('button', { name: 'แนบไฟล์' }).click(),
  ]);
}

/** On a draft's edit page: a table pasted (tab-separated) under a title, once the page says it is added. */
export async function attachTable(page: Page, title: string, tsv: string): Promise<void> {
  await page.getByLabel('ชื่อตาราง').fill(title);
  await page.getByLabel('ข้อมูลตาราง').fill(tsv);
  await Promise.all([
    page.waitForURL('**done=attached**'),
    page.getByRole('button', { name: 'เพิ่มตาราง' }).click(),
  ]);
}
