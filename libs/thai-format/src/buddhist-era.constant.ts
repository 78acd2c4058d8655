/** พ.ศ. = ค.ศ. + 543 (domain guide, "Dates and numerals"). */
export const BUDDHIST_ERA_OFFSET = 543;

/** The time zone every document date, register year and fiscal year is reckoned in. */
export const BANGKOK_TIME_ZONE = 'Asia/Bangkok';
