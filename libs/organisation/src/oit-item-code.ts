/**
 * The code of an open-data item (ITA, หมวด OIT): what an organisation's catalogue lists for a
 * fiscal year and what a memo to be published is filed under, e.g. o28. One rule for both: the
 * catalogue (libs/publication) and the memo draft (libs/memo) take it from here.
 */
export const OIT_ITEM_CODE = /^o\d{1,3}$/;

/** Why a code was refused, for people. */
export const OIT_ITEM_CODE_MESSAGE = 'รหัสหมวดข้อมูลต้องเป็น o ตามด้วยตัวเลข เช่น o28';
