import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@saraban/auth';
import { OrganisationDirectoryService } from '@saraban/organisation';
import { WebAssets } from './web-assets.service';

export type NavKey = 'inbox' | 'compose' | 'mine' | 'register' | 'admin' | 'none';

interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

/** What every signed-in page shows around its content: who is signed in, where they can go. */
export interface ShellContext {
  title: string;
  assetVersion: string;
  organisationName: string;
  user: { prefix: string; fullName: string; roles: string[] };
  nav: NavItem[];
  flash: string | null;
}

/** Thai confirmations for the `?done=` a form's redirect carries (Post/Redirect/Get). */
const FLASH: Record<string, string> = {
  saved: 'บันทึกร่างแล้ว',
  created: 'สร้างร่างบันทึกข้อความแล้ว',
  deleted: 'ลบร่างแล้ว',
  submitted: 'ส่งเสนอแล้ว',
  resubmitted: 'ส่งเสนอใหม่แล้ว',
  endorsed: 'ลงความเห็นและส่งต่อแล้ว',
  returned: 'ส่งคืนให้ผู้เขียนแก้ไขแล้ว',
  decided: 'สั่งการแล้ว',
  acknowledged: 'ลงนาม "ทราบ" แล้ว',
  withdrawn: 'ถอนเรื่องแล้ว',
  cancelled: 'ยกเลิกแล้ว',
  attached: 'แนบไฟล์แล้ว',
  detached: 'นำสิ่งที่แนบออกแล้ว',
  reordered: 'เรียงลำดับสิ่งที่แนบใหม่แล้ว',
  imported: 'นำเข้าข้อมูลองค์กรแล้ว',
  'next-number': 'ตั้งเลขถัดไปแล้ว',
  'entry-cancelled': 'ยกเลิกเลขทะเบียนแล้ว',
  registered: 'ลงทะเบียนหนังสือแล้ว',
  certificate: 'ติดตั้งใบรับรองแล้ว',
  rerouted: 'เปลี่ยนผู้พิจารณาแล้ว',
  signature: 'บันทึกภาพลายมือชื่อแล้ว',
  'signature-refused': 'บันทึกไม่ได้: ต้องเป็นไฟล์ภาพ PNG ไม่เกิน 512 KB',
  emblem: 'บันทึกตราของหน่วยงานแล้ว',
  catalogue: 'บันทึกหมวดข้อมูลเผยแพร่แล้ว',
  'document-retried': 'สั่งจัดทำเอกสารใหม่แล้ว ระบบกำลังดำเนินการ',
  'session-ended': 'ออกจากระบบเครื่องนั้นแล้ว',
  'sessions-ended': 'ออกจากระบบทุกเครื่องยกเว้นเครื่องนี้แล้ว',
};

export function flashMessage(done: unknown): string | null {
  return typeof done === 'string' && Object.hasOwn(FLASH, done) ? FLASH[done] : null;
}

@Injectable()
export class WebShell {
  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly assets: WebAssets,
  ) {}

  async context(user: AuthUser, current: NavKey, title: string, done?: unknown): Promise<ShellContext> {
    const org = await this.directory.byCode(user.organisationCode);
    const clerk = user.roles.includes('clerk') || user.roles.includes('admin');
    const items: { key: NavKey; href: string; label: string; show: boolean }[] = [
      { key: 'inbox', href: '/app', label: 'งานรอดำเนินการ', show: true },
      { key: 'compose', href: '/app/memos/new', label: 'เขียนบันทึก', show: true },
      { key: 'mine', href: '/app/memos/mine', label: 'บันทึกของฉัน', show: true },
      { key: 'register', href: '/app/register', label: 'ทะเบียนหนังสือส่ง', show: clerk },
      { key: 'admin', href: '/app/admin', label: 'ผู้ดูแลระบบ', show: user.roles.includes('admin') },
    ];
    return {
      title,
      assetVersion: this.assets.assetVersion(),
      organisationName: org.name,
      user: { prefix: user.prefix, fullName: user.fullName, roles: user.roles },
      nav: items
        .filter((i) => i.show)
        .map((i) => ({ href: i.href, label: i.label, current: i.key === current })),
      flash: flashMessage(done),
    };
  }
}
