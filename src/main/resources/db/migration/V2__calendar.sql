-- The working-day calendar: only the exceptions to "Monday to Friday work, weekends rest".
-- "day" is quoted because DAY is a keyword in H2 (PostgreSQL accepts it either way).

create table calendar_day (
    "day"      date         primary key,
    kind       varchar(16)  not null,
    name       varchar(100) not null,
    version    integer      not null default 0,
    updated_at timestamp with time zone not null,
    updated_by varchar(64)  not null,
    constraint calendar_day_kind_ck check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- Years the county's calendar holds (from the shipped defaults, an import or an edit). The shipped
-- defaults are loaded only into a year not listed here, so a county's own data is never overwritten,
-- not even when it has removed every special day of a year.
create table calendar_year (
    cal_year   integer      primary key,
    source     varchar(16)  not null,
    created_at timestamp with time zone not null
);
