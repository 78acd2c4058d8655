import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@saraban/auth';
import { NotificationInboxService } from '@saraban/notification';
import { OrganisationDirectoryService } from '@saraban/organisation';
import type { DigitStyle } from '@saraban/thai-format';
import { WebAssets } from './web-assets.service';

export type NavKey =
  | 'inbox'
  | 'compose'
  | 'mine'
  | 'acted'
  | 'copies'
  | 'search'
  | 'notifications'
  | 'register'
  | 'admin'
  | 'none';

interface NavItem {
  href: string;
  label: string;
  current: boolean;
  /** Unread notifications, shown beside the item's label. */
  count?: number;
}

/** What every signed-in page shows around its content: who is signed in, where they can go. */
export interface ShellContext {
  title: string;
  assetVersion: string;
  organisationName: string;
  /** How the organisation writes numbers: the pages follow it (see the `num` and date helpers). */
  digits: DigitStyle;
  user: { prefix: string; fullName: string; roles: string[] };
  nav: NavItem[];
  flash: string | null;
  /** Unread notifications: in the navigation and, as "(3)", in the page title. */
  unread: number;
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
  'unit-added': 'เพิ่มส่วนราชการแล้ว',
  'unit-saved': 'บันทึกส่วนราชการแล้ว',
  'unit-deactivated': 'ปิดใช้งานส่วนราชการแล้ว',
  'position-added': 'เพิ่มตำแหน่งแล้ว',
  'position-saved': 'บันทึกตำแหน่งแล้ว',
  'position-deactivated': 'ปิดใช้งานตำแหน่งแล้ว',
  'person-added': 'เพิ่มบุคลากรแล้ว',
  'person-deactivated': 'ปิดใช้งานบัญชีแล้ว ผู้นั้นเข้าสู่ระบบไม่ได้อีก',
  'person-activated': 'เปิดใช้งานบัญชีอีกครั้งแล้ว',
  'password-set': 'ตั้งรหัสผ่านใหม่แล้ว ผู้นั้นต้องเข้าสู่ระบบใหม่ทุกเครื่อง',
  'chain-saved': 'บันทึกสายการบังคับบัญชาแล้ว',
  'acting-added': 'ออกคำสั่งรักษาราชการแทนแล้ว',
  'acting-ended': 'สิ้นสุดคำสั่งรักษาราชการแทนแล้ว',
  'holiday-added': 'เพิ่มวันหยุดแล้ว',
  'holiday-removed': 'ลบวันหยุดแล้ว',
  'next-number': 'ตั้งเลขถัดไปแล้ว',
  'entry-cancelled': 'ยกเลิกเลขทะเบียนแล้ว',
  registered: 'ลงทะเบียนหนังสือแล้ว',
  certificate: 'ติดตั้งใบรับรองแล้ว',
  rerouted: 'เปลี่ยนผู้พิจารณาแล้ว',
  signature: 'บันทึกภาพลายมือชื่อแล้ว',
  'signature-refused': 'บันทึกไม่ได้: ต้องเป็นไฟล์ภาพ PNG ไม่เกิน 512 กิโลไบต์',
  emblem: 'บันทึกตราของหน่วยงานแล้ว',
  catalogue: 'บันทึกหมวดข้อมูลเผยแพร่แล้ว',
  'document-retried': 'สั่งจัดทำเอกสารใหม่แล้ว ระบบกำลังดำเนินการ',
  'session-ended': 'ออกจากระบบเครื่องนั้นแล้ว',
  'sessions-ended': 'ออกจากระบบทุกเครื่องยกเว้นเครื่องนี้แล้ว',
  'notifications-read': 'ทำเครื่องหมายว่าอ่านแล้ว',
  'notification-settings': 'บันทึกการตั้งค่าการแจ้งเตือนแล้ว',
  'line-unlinked': 'ยกเลิกการเชื่อมต่อ LINE แล้ว',
  'line-saved': 'บันทึกการตั้งค่า LINE Official Account แล้ว',
  'line-removed': 'ลบการตั้งค่า LINE Official Account แล้ว',
  'webhook-created': 'เพิ่มการส่งเหตุการณ์ไปยังระบบอื่นแล้ว',
  'webhook-updated': 'ปรับการส่งเหตุการณ์ไปยังระบบอื่นแล้ว',
  'webhook-deleted': 'ลบการส่งเหตุการณ์ไปยังระบบอื่นแล้ว',
  'webhook-replayed': 'สั่งส่งเหตุการณ์ซ้ำแล้ว',
};

export function flashMessage(done: unknown): string | null {
  return typeof done === 'string' && Object.hasOwn(FLASH, done) ? FLASH[done] : null;
}

@Injectable()
export class WebShell {
  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly assets: WebAssets,
    private readonly notifications: NotificationInboxService,
  ) {}

  async context(user: AuthUser, current: NavKey, title: string, done?: unknown): Promise<ShellContext> {
    const [org, unread] = await Promise.all([
      this.directory.byCode(user.organisationCode),
      this.notifications.unreadCount(user.personId),
    ]);
    const clerk = user.roles.includes('clerk') || user.roles.includes('admin');
    const items: { key: NavKey; href: string; label: string; show: boolean }[] = [
      { key: 'inbox', href: '/app', label: 'งานรอดำเนินการ', show: true },
      { key: 'compose', href: '/app/memos/new', label: 'เขียนบันทึก', show: true },
      { key: 'mine', href: '/app/memos/mine', label: 'บันทึกของฉัน', show: true },
      // The clerk's daily work before the lists everyone has (a phone shows the first few).
      { key: 'register', href: '/app/register', label: 'ทะเบียนหนังสือส่ง', show: clerk },
      { key: 'acted', href: '/app/acted', label: 'พิจารณาแล้ว', show: true },
      { key: 'copies', href: '/app/copies', label: 'สำเนาถึงฉัน', show: true },
      { key: 'search', href: '/app/search', label: 'ค้นหา', show: true },
      { key: 'notifications', href: '/app/notifications', label: 'การแจ้งเตือน', show: true },
      { key: 'admin', href: '/app/admin', label: 'ผู้ดูแลระบบ', show: user.roles.includes('admin') },
    ];
    return {
      title: unread > 0 ? `(${unread}) ${title}` : title,
      unread,
      assetVersion: this.assets.assetVersion(),
      organisationName: org.name,
      digits: org.digits,
      user: { prefix: user.prefix, fullName: user.fullName, roles: user.roles },
      nav: items
        .filter((i) => i.show)
        .map((i) => ({
          href: i.href,
          label: i.label,
          current: i.key === current,
          ...(i.key === 'notifications' && unread > 0 ? { count: unread } : {}),
        })),
      flash: flashMessage(done),
    };
  }
}
