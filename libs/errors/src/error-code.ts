import { HttpStatus } from '@nestjs/common';

/** API error codes: English for programs, with a Thai message for people. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  VersionConflict = 'VERSION_CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  OrganisationFileInvalid = 'ORGANISATION_FILE_INVALID',
  OrganisationNameTaken = 'ORGANISATION_NAME_TAKEN',
  MemoNotEditable = 'MEMO_NOT_EDITABLE',
  MemoNotDeletable = 'MEMO_NOT_DELETABLE',
  MemoIncomplete = 'MEMO_INCOMPLETE',
  RegisterNumberTaken = 'REGISTER_NUMBER_TAKEN',
  RegisterEntryCancelled = 'REGISTER_ENTRY_CANCELLED',
  TransitionNotAllowed = 'TRANSITION_NOT_ALLOWED',
  NotYourTurn = 'NOT_YOUR_TURN',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  DocumentInvalid = 'DOCUMENT_INVALID',
  DocumentRenderFailed = 'DOCUMENT_RENDER_FAILED',
  DocumentTooLarge = 'DOCUMENT_TOO_LARGE',
  SigningCertificateInvalid = 'SIGNING_CERTIFICATE_INVALID',
  SigningCertificateMissing = 'SIGNING_CERTIFICATE_MISSING',
  SignInThrottled = 'SIGN_IN_THROTTLED',
  AccountLocked = 'ACCOUNT_LOCKED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  CsrfRejected = 'CSRF_REJECTED',
  LineSignatureInvalid = 'LINE_SIGNATURE_INVALID',
  LineNotConfigured = 'LINE_NOT_CONFIGURED',
  InternalError = 'INTERNAL_ERROR',
}

interface ErrorDescription {
  status: HttpStatus;
  message: string;
}

/** The one place that maps codes to HTTP: a missing code is a compile error. */
export const errorCatalogue: Record<ErrorCode, ErrorDescription> = {
  [ErrorCode.ValidationFailed]: { status: HttpStatus.BAD_REQUEST, message: 'ข้อมูลที่ส่งมาไม่ถูกต้อง' },
  [ErrorCode.Unauthenticated]: { status: HttpStatus.UNAUTHORIZED, message: 'กรุณาเข้าสู่ระบบ' },
  [ErrorCode.InvalidCredentials]: {
    status: HttpStatus.UNAUTHORIZED,
    message: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
  },
  [ErrorCode.Forbidden]: { status: HttpStatus.FORBIDDEN, message: 'คุณไม่มีสิทธิ์ทำรายการนี้' },
  [ErrorCode.NotFound]: { status: HttpStatus.NOT_FOUND, message: 'ไม่พบข้อมูลที่ต้องการ' },
  [ErrorCode.Conflict]: { status: HttpStatus.CONFLICT, message: 'ข้อมูลขัดแย้งกับที่มีอยู่แล้ว' },
  [ErrorCode.VersionConflict]: {
    status: HttpStatus.CONFLICT,
    message: 'มีผู้อื่นแก้ไขหรือดำเนินการกับรายการนี้ไปก่อนแล้ว กรุณาโหลดข้อมูลล่าสุด',
  },
  [ErrorCode.PayloadTooLarge]: { status: HttpStatus.PAYLOAD_TOO_LARGE, message: 'ไฟล์มีขนาดใหญ่เกินกำหนด' },
  [ErrorCode.UnsupportedMediaType]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    message: 'รองรับเฉพาะไฟล์ PDF เท่านั้น',
  },
  [ErrorCode.OrganisationFileInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'ไฟล์ข้อมูลองค์กรไม่ถูกต้อง',
  },
  [ErrorCode.OrganisationNameTaken]: {
    status: HttpStatus.CONFLICT,
    message: 'ชื่อหน่วยงานนี้ซ้ำกับหน่วยงานอื่นในระบบ',
  },
  [ErrorCode.MemoNotEditable]: {
    status: HttpStatus.CONFLICT,
    message: 'บันทึกข้อความนี้ไม่อยู่ในสถานะที่แก้ไขได้',
  },
  [ErrorCode.MemoNotDeletable]: {
    status: HttpStatus.CONFLICT,
    message: 'ลบได้เฉพาะร่างบันทึกข้อความที่ยังไม่ได้ส่งและยังไม่ได้ออกเลขทะเบียน',
  },
  [ErrorCode.MemoIncomplete]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'บันทึกข้อความยังไม่ครบถ้วน จึงยังส่งเสนอไม่ได้',
  },
  [ErrorCode.RegisterNumberTaken]: {
    status: HttpStatus.CONFLICT,
    message: 'เลขทะเบียนนี้ถูกใช้ไปแล้ว ไม่สามารถตั้งย้อนหลังได้',
  },
  [ErrorCode.RegisterEntryCancelled]: {
    status: HttpStatus.CONFLICT,
    message: 'เลขทะเบียนนี้ถูกยกเลิกไปแล้ว',
  },
  [ErrorCode.TransitionNotAllowed]: {
    status: HttpStatus.CONFLICT,
    message: 'ไม่สามารถดำเนินการนี้ได้ในสถานะปัจจุบันของบันทึกข้อความ',
  },
  [ErrorCode.NotYourTurn]: { status: HttpStatus.FORBIDDEN, message: 'ขั้นตอนนี้ไม่ใช่ของคุณ' },
  [ErrorCode.IdempotencyKeyReused]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'Idempotency-Key นี้ถูกใช้กับคำขออื่นแล้ว',
  },
  [ErrorCode.DocumentInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'ข้อมูลเอกสารไม่ถูกต้อง ไม่สามารถสร้างไฟล์ PDF ได้',
  },
  [ErrorCode.DocumentRenderFailed]: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'สร้างไฟล์ PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง',
  },
  [ErrorCode.DocumentTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    message: 'เอกสารใหญ่เกินกว่าจะพิมพ์เป็น PDF ได้',
  },
  [ErrorCode.SigningCertificateMissing]: {
    status: HttpStatus.CONFLICT,
    message: 'องค์กรยังไม่ได้ติดตั้งใบรับรองสำหรับลงลายมือชื่ออิเล็กทรอนิกส์',
  },
  [ErrorCode.SigningCertificateInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'ใบรับรองอิเล็กทรอนิกส์ขององค์กรไม่ถูกต้อง หรือรหัสผ่านไม่ถูกต้อง',
  },
  [ErrorCode.SignInThrottled]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'ลงชื่อเข้าใช้ผิดหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
  },
  [ErrorCode.AccountLocked]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'บัญชีนี้ถูกระงับการเข้าสู่ระบบชั่วคราว เนื่องจากใส่รหัสผ่านผิดหลายครั้ง',
  },
  [ErrorCode.TooManyRequests]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่',
  },
  [ErrorCode.CsrfRejected]: {
    status: HttpStatus.FORBIDDEN,
    message: 'คำขอนี้ไม่ได้ส่งมาจากหน้าเว็บของระบบ หรือหน้าเว็บหมดอายุแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
  },
  [ErrorCode.LineSignatureInvalid]: {
    status: HttpStatus.UNAUTHORIZED,
    message: 'ลายมือชื่อของข้อความจาก LINE ไม่ถูกต้อง',
  },
  [ErrorCode.LineNotConfigured]: {
    status: HttpStatus.CONFLICT,
    message: 'องค์กรยังไม่ได้ตั้งค่าบัญชี LINE Official Account',
  },
  [ErrorCode.InternalError]: {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    message: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง',
  },
};
